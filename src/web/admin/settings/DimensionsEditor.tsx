/** Chooses the organisation's dimensions: hidden-field keys seen in recent responses, plus keys typed in. */
import { useState, type KeyboardEvent } from 'react';
import { useI18n } from '../../i18n.tsx';
import { Field } from '../../components/index.ts';
import type { HiddenKeysAnswer } from '../../../core/api/org.ts';
import { hiddenKeyOf, hiddenKeyProblem, MAX_DIMENSIONS } from '../../../core/responses/hiddenFields.ts';

export function DimensionsEditor({ value, onChange, seen, error }: {
  value: string[];
  onChange(next: string[]): void;
  seen: HiddenKeysAnswer['keys'];
  error?: string | null;
}) {
  const { t, num } = useI18n();
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string | null>(null);
  const [typed, setTyped] = useState<string[]>([]);
  const counts = new Map(seen.map((k) => [k.key, k.responses]));
  // Marked ones first (in their order), then recent keys by use, then keys typed in this visit.
  const candidates = [...new Set([...value, ...seen.map((k) => k.key), ...typed])];
  const full = value.length >= MAX_DIMENSIONS;
  const max = num(MAX_DIMENSIONS, 0);

  const toggle = (key: string, on: boolean) => onChange(on ? [...value, key] : value.filter((k) => k !== key));
  const add = () => {
    // Stored as the respondent pages store hidden fields: `Segment` is `segment`.
    const key = hiddenKeyOf(draft.trim());
    if (hiddenKeyProblem(key) !== null) return setDraftError(t('settings.badKey'));
    if (value.includes(key)) return setDraftError(t('settings.duplicateKey'));
    if (full) return setDraftError(t('settings.tooMany', { max: MAX_DIMENSIONS }));
    setTyped((list) => (list.includes(key) ? list : [...list, key]));
    onChange([...value, key]);
    setDraft('');
    setDraftError(null);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Enter adds the key instead of submitting the whole form.
    if (e.key === 'Enter') {
      e.preventDefault();
      add();
    }
  };

  return (
    <fieldset className="dimensions" aria-describedby="dimensions-help">
      <legend>{t('settings.dimensions')}</legend>
      <p id="dimensions-help">{t('settings.dimensionsHelp', { max })}</p>
      <p className="muted" aria-live="polite">{t('settings.dimensionsCount', { n: num(value.length, 0), max })}</p>
      {error && <p role="alert" className="error field-error">{error}</p>}
      {candidates.length === 0 && <p className="muted">{t('settings.noKeys')}</p>}
      {candidates.length > 0 && (
        <ul className="dimension-list">
          {candidates.map((key) => {
            const checked = value.includes(key);
            const n = counts.get(key);
            return (
              <li key={key}>
                <label className="check">
                  <input type="checkbox" checked={checked} disabled={!checked && full} onChange={(e) => toggle(key, e.target.checked)} />
                  <code dir="ltr">{key}</code>
                  <span className="muted">{n ? t('settings.seenIn', { n }) : t('settings.notSeen')}</span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <div className="dimension-add">
        <Field label={t('settings.addDimension')} hint={t('settings.addHint')} error={draftError}>
          {(p) => (
            <input {...p} dir="ltr" value={draft} maxLength={40} autoComplete="off" spellCheck={false}
              onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
          )}
        </Field>
        <button type="button" className="secondary" onClick={add}>{t('settings.add')}</button>
      </div>
    </fieldset>
  );
}
