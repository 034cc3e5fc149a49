/**
 * A settings form's submission state: `run` clears the previous status and errors, awaits the work, and puts a
 * failure under the field the server named (`details.field` of a 400) or else above the form.
 */
import { useState } from 'react';
import { ApiError } from '../api.ts';

export function useFieldSubmit() {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setStatus(null);
    setError(null);
    setFieldErrors({});
    try {
      await work();
    } catch (err) {
      const field = err instanceof ApiError ? (err.details as { field?: string } | undefined)?.field : undefined;
      if (field) setFieldErrors({ [field]: err instanceof Error ? err.message : String(err) });
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, status, setStatus, error, setError, fieldErrors, run };
}
