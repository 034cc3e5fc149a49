/** A labelled form control with optional hint and error, wired with aria-describedby / aria-invalid. */
import { useId, type ReactNode } from 'react';

/** Props a control receives from Field so that its label, hint and error are announced together. */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/**
 * @example <Field label="Name" error={err}>{(p) => <input {...p} value={v} onChange={...} />}</Field>
 */
export function Field({ label, hint, error, className, children }: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | null;
  className?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-err` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' has-error' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && <small id={hintId} className="muted">{hint}</small>}
      {error && <small id={errorId} className="error field-error">{error}</small>}
    </div>
  );
}
