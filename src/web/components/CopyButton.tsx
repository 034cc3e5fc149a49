/** Copies a text to the clipboard and says so in a live region (falls back to selecting the text); CopyableUrl: an address with that button. */
import { useState } from 'react';
import { useI18n } from '../i18n.tsx';

/** `label` replaces the visible text; `name` is the accessible name when the visible "Copy" is not enough. */
export function CopyButton({ text, label, name }: { text: string; label?: string; name?: string }) {
  const { t } = useI18n();
  const [done, setDone] = useState<'ok' | 'fail' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setDone('ok');
    } catch {
      // Clipboard needs a secure context; over plain http the user copies from the visible field.
      setDone('fail');
    }
  };
  return (
    <span className="copy">
      <button type="button" className="secondary" onClick={copy} aria-label={name}>{label ?? t('ui.copy')}</button>
      <span role="status" aria-live="polite" className="muted copy-status">
        {done === 'ok' ? t('ui.copied') : done === 'fail' ? t('ui.copyFailed') : ''}
      </span>
    </span>
  );
}

/** A read-only address to pass on: its own line, selected on focus, with a copy button; `label` names it for screen readers. */
export function CopyableUrl({ url, label, className }: { url: string; label: string; className?: string }) {
  return (
    <div className="row">
      <label className="grow">
        <span className="visually-hidden">{label}</span>
        <input className={className ? `url-box ${className}` : 'url-box'} dir="ltr" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <CopyButton text={url} />
    </div>
  );
}
