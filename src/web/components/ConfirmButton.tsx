/** A destructive action that asks "are you sure?" inline; focus moves to the confirming button. */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n.tsx';

export function ConfirmButton({ label, question, onConfirm, disabled }: {
  label: string;
  question: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const yes = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) yes.current?.focus();
  }, [asking]);
  if (!asking) {
    return <button ref={opener} type="button" className="danger" disabled={disabled} onClick={() => setAsking(true)}>{label}</button>;
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button ref={yes} type="button" className="danger" onClick={async () => { setAsking(false); await onConfirm(); }}>{t('ui.yes')}</button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>{t('ui.cancel')}</button>
    </span>
  );
}
