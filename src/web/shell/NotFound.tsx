import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle.tsx';
import { useI18n } from '../i18n.tsx';

/** Any /app address no page answers (a mistyped or outdated link): says so and leads back. */
export function NotFound() {
  const { t } = useI18n();
  return (
    <section className="not-found" data-testid="not-found">
      <PageTitle title={t('shell.notFoundTitle')} />
      <p>{t('shell.notFound')}</p>
      <p><Link to="/app">{t('shell.backToOverview')}</Link></p>
    </section>
  );
}
