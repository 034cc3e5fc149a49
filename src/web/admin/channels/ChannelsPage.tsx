/**
 * /app/channels: the organisation's Telegram bot (GET/PUT/DELETE /org/telegram) and SMS gateway
 * (GET/PUT/DELETE /org/sms, POST /org/sms/test). For whole-organisation admins, like the settings.
 */
import { useI18n } from '../../i18n.tsx';
import { PageTitle } from '../../components/index.ts';
import { WholeOrgAdminOnly } from '../WholeOrgAdminOnly.tsx';
import { TelegramSettings } from './TelegramSettings.tsx';
import { SmsSettings } from './SmsSettings.tsx';
import '../settings/settings.css';
import './channels.css';

export function ChannelsPage() {
  const { t } = useI18n();
  return (
    <WholeOrgAdminOnly title={t('ch.title')} refusal={t('ch.noAccess')}>
      <section className="channels-page">
        <PageTitle title={t('ch.title')} />
        <p className="muted">{t('ch.intro')}</p>
        <TelegramSettings />
        <SmsSettings />
      </section>
    </WholeOrgAdminOnly>
  );
}
