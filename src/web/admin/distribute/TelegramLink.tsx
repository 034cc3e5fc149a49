/** The Telegram part of a survey's distribution page: the deep link t.me/<bot>?start=<slug> with its QR code (GET /surveys/:id/telegram). */
import { Link } from 'react-router';
import { useI18n } from '../../i18n.tsx';
import { CopyableUrl, useLoad } from '../../components/index.ts';
import { useSession } from '../../shell/session.tsx';
import type { SurveyTelegramLink } from '../../../core/api/messengers.ts';
import type { TelegramSettingsView } from '../../../core/api/messengers.ts';
import '../channels/channels.css';

export function TelegramLink({ surveyId }: { surveyId: string }) {
  const { t } = useI18n();
  const { can, me } = useSession();
  const link = useLoad<SurveyTelegramLink>(`/surveys/${encodeURIComponent(surveyId)}/telegram`);
  const admin = can('org.manage') && me?.locationPaths === null;
  const bot = useLoad<TelegramSettingsView>(admin ? '/org/telegram' : null);
  const d = link.data;
  if (!d) return null;
  return (
    <section className="card builder-section" aria-labelledby="tg-dist-h">
      <h2 id="tg-dist-h">{t('dist.tg.title')}</h2>
      {d.link ? (
        <div className="tg-link">
          <div className="tg-link-text">
            <p className="muted">{t('dist.tg.help')}</p>
            {bot.data?.placeholder && <p className="warning">{t('dist.tg.placeholder')}</p>}
            <CopyableUrl url={d.link} label={t('dist.tg.title')} />
          </div>
          {d.qrDataUrl && <img className="tg-qr" src={d.qrDataUrl} alt={t('dist.tg.qrAlt')} width={160} height={160} />}
        </div>
      ) : (
        <p>
          {t('dist.tg.none')}
          {admin && <> <Link to="/app/channels">{t('dist.tg.connect')}</Link></>}
        </p>
      )}
    </section>
  );
}
