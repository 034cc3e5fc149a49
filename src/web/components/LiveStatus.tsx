/** A polite live region that is always in the DOM, so each new message is announced. */
export function LiveStatus({ message, kind = 'info' }: { message: string | null; kind?: 'info' | 'success' | 'error' }) {
  return (
    <p role="status" aria-live="polite" className={`live-status ${message ? kind : ''}`}>
      {message ?? ''}
    </p>
  );
}

/** An error that needs attention now (role="alert"); renders nothing without a message. */
export function ErrorMessage({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return <p role="alert" className="error error-box">{message}</p>;
}
