/** A case's timeline: every event in words with its actor and time; notes and replies with their text. */
import { useI18n, type MessageKey, type Translate } from '../i18n.tsx';
import type { CaseAnswer, CaseEvent } from '../../core/api/cases.ts';
import type { RootCause } from '../../core/api/rootCauses.ts';
import type { Language } from '../../core/i18n/languages.ts';
import { formatMoney, localName } from './format.ts';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function describe(e: CaseEvent, t: Translate, lang: Language, causes: RootCause[]): string {
  const actor = e.actor?.name ?? t('cs.system');
  const b = e.body;
  const status = (s: unknown) => t(`cs.status.${str(s)}` as MessageKey);
  switch (e.kind) {
    case 'status': return t('cs.ev.status', { actor, from: status(b.from), to: status(b.to) });
    case 'priority': return t('cs.ev.priority', { actor, from: t(`cs.priority.${str(b.from)}` as MessageKey), to: t(`cs.priority.${str(b.to)}` as MessageKey) });
    case 'assigned': return b.ownerUserId ? t('cs.ev.assigned', { actor, owner: str(b.ownerName) || '—' }) : t('cs.ev.unassigned', { actor });
    case 'reply_sent': return t('cs.ev.reply_sent', { actor, to: str(b.to) });
    case 'root_cause': {
      const cause = causes.find((c) => c.id === b.rootCauseId);
      return t('cs.ev.root_cause', {
        actor, cause: cause ? localName(cause.name, lang, cause.key) : '—', controllable: b.controllable ? t('cs.controllable') : t('cs.uncontrollable'),
      });
    }
    case 'compensation':
      return t('cs.ev.compensation', { actor, amount: formatMoney(lang, Number(b.amount), str(b.currency)), kind: t(`cs.comp.kind.${str(b.kind)}` as MessageKey) });
    case 'title': return t('cs.ev.title', { actor, to: str(b.to) });
    case 'created': case 'note':
      return t(`cs.ev.${e.kind}`, { actor });
    default:
      return t(`cs.ev.${e.kind}` as MessageKey, { actor });
  }
}

export function Timeline({ c, causes }: { c: CaseAnswer; causes: RootCause[] }) {
  const { t, lang, date } = useI18n();
  return (
    <section className="card" aria-labelledby="cs-timeline">
      <h2 id="cs-timeline">{t('cs.timeline')}</h2>
      <ol className="cs-timeline" data-testid="timeline">
        {c.events.map((e) => (
          <li key={e.id} className={`cs-ev cs-ev-${e.kind}`} data-kind={e.kind}>
            <div className="cs-ev-head">
              <span>{describe(e, t, lang, causes)}</span>{' '}
              <time className="muted" dateTime={e.at}>{date(e.at, { dateStyle: 'medium', timeStyle: 'short' })}</time>
            </div>
            {e.kind === 'note' && <p className="cs-text">{str(e.body.text)}</p>}
            {e.kind === 'note' && e.mentions.length > 0 && <p className="muted">{t('cs.ev.mentions', { names: e.mentions.map((m) => m.name).join(', ') })}</p>}
            {(e.kind === 'reply_sent' || e.kind === 'reply_received') && (
              <>
                {str(e.body.subject) && <p><strong>{str(e.body.subject)}</strong></p>}
                <p className="cs-text">{str(e.body.text)}</p>
                {e.kind === 'reply_sent' && e.body.emailed === false && <p className="muted">{t('cs.ev.outbox')}</p>}
              </>
            )}
            {e.kind === 'root_cause' && str(e.body.resolution) && <p className="cs-text">{str(e.body.resolution)}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
