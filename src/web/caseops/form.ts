/** What the case settings forms share: saving with a busy flag and the error kept (src/web/admin/auth/useSubmit.ts). */
import { useSubmit } from '../admin/auth/useSubmit.ts';

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A section's save: `run(work)` sets busy, clears and then keeps the error message of what failed. */
export const useSave = () => useSubmit(messageOf);
