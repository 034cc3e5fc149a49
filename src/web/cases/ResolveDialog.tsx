/**
 * The Resolve dialog: the root cause (the organisation's taxonomy, localized), controllable yes/no, what
 * was done, and whether to ask the customer if the problem was solved. Nothing is lost when the server
 * refuses: the dialog stays open with the error.
 */
import { useState } from 'react';
import { api } from '../api.ts';
import { useI18n } from '../i18n.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { ErrorMessage } from '../components/LiveStatus.tsx';
import type { CaseAnswer } from '../../core/api/cases.ts';
import type { RootCause } from '../../core/api/rootCauses.ts';
import { localName } from './format.ts';
import { useDraft } from './useDraft.ts';

export function ResolveDialog({ open, c, causes, onCancel, onResolved }: {
  open: boolean;
  c: CaseAnswer;
  causes: RootCause[];
  onCancel(): void;
  onResolved(next: CaseAnswer): void;
}) {
  const { t, lang, num } = useI18n();
  const [draft, setDraft, clear] = useDraft(`resolve.${c.id}`, { rootCauseId: '', controllable: '', resolution: '', askCustomer: false as boolean });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (!draft.rootCauseId) return setError(t('cs.resolve.needCause'));
    if (!draft.controllable) return setError(t('cs.resolve.needFlag'));
    setBusy(true);
    setError(null);
    try {
      const next = await api.post<CaseAnswer>(`/cases/${c.id}/resolve`, {
        rootCauseId: draft.rootCauseId, controllable: draft.controllable === 'yes', resolution: draft.resolution, askCustomer: draft.askCustomer && !!c.customerEmail,
      });
      clear();
      onResolved(next);
    } catch (err) {
      setError(t('cs.saveFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <ConfirmDialog
      open={open}
      title={t('cs.resolve.title', { number: num(c.number, 0) })}
      confirmLabel={t('cs.resolve.submit')}
      cancelLabel={t('cs.resolve.cancel')}
      confirmDisabled={busy}
      onConfirm={() => void submit()}
      onCancel={onCancel}
    >
      <div className="cs-resolve" data-testid="resolve-dialog">
        <label className="field">
          {t('cs.resolve.cause')}
          <select value={draft.rootCauseId} onChange={(e) => setDraft({ rootCauseId: e.target.value })} data-testid="resolve-cause" autoFocus>
            <option value="">{t('cs.resolve.choose')}</option>
            {causes.filter((r) => !r.archived).map((r) => <option key={r.id} value={r.id}>{localName(r.name, lang, r.key)}</option>)}
          </select>
        </label>
        <fieldset className="cs-radios">
          <legend>{t('cs.resolve.controllable')}</legend>
          <label><input type="radio" name="controllable" checked={draft.controllable === 'yes'} onChange={() => setDraft({ controllable: 'yes' })} data-testid="resolve-yes" /> <span>{t('cs.resolve.yes')}</span></label>
          <label><input type="radio" name="controllable" checked={draft.controllable === 'no'} onChange={() => setDraft({ controllable: 'no' })} /> <span>{t('cs.resolve.no')}</span></label>
        </fieldset>
        <label className="field">
          {t('cs.resolve.resolution')}
          <textarea rows={3} value={draft.resolution} onChange={(e) => setDraft({ resolution: e.target.value })} data-testid="resolve-text" />
        </label>
        <label className="cs-check">
          <input type="checkbox" checked={draft.askCustomer && !!c.customerEmail} disabled={!c.customerEmail} onChange={(e) => setDraft({ askCustomer: e.target.checked })} />
          <span>{t('cs.resolve.ask')}</span>
        </label>
        {!c.customerEmail && <p className="muted">{t('cs.resolve.askNoEmail')}</p>}
        <ErrorMessage message={error} />
      </div>
    </ConfirmDialog>
  );
}
