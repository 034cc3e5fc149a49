/** A secret shown once (a new API key, a webhook's signing secret): read-only, selectable, with a copy button and a button that hides it. */
import { useI18n } from '../../i18n.tsx';
import { CopyButton, Field } from '../../components/index.ts';

export function OnceSecret({ label, value, note, onDone }: { label: string; value: string; note: string; onDone: () => void }) {
  const { t } = useI18n();
  return (
    <div className="once-secret" role="group" aria-label={label}>
      <p>{note}</p>
      <Field label={label}>{(p) => // Focused when it appears (the form that made it is further down the page): read out and scrolled into view.
        <input {...p} readOnly dir="ltr" value={value} autoFocus onFocus={(e) => e.currentTarget.select()} />}</Field>
      <CopyButton text={value} />
      <button type="button" className="secondary" onClick={onDone}>{t('int.keys.done')}</button>
    </div>
  );
}

