/**
 * A modal confirmation (native <dialog>: focus stays inside, Escape cancels, the page behind is inert).
 * Focus returns to what had it before the dialog opened. Without `cancelLabel` the confirm button is the one
 * button (a dialog whose work is done, e.g. "Close"): two buttons that both only close it read as a choice.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';

export function ConfirmDialog({ open, title, children, confirmLabel, cancelLabel, danger, confirmDisabled, onConfirm, onCancel }: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  confirmDisabled?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const bodyId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnFocus.current = document.activeElement as HTMLElement | null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
      returnFocus.current?.focus();
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {open && (
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); if (!confirmDisabled) onConfirm(); }}>
          <h2 id={titleId}>{title}</h2>
          <div id={bodyId}>{children}</div>
          <div className="toolbar">
            <button type="submit" className={danger ? 'danger' : undefined} disabled={confirmDisabled}>{confirmLabel}</button>
            {cancelLabel && <button type="button" className="secondary" onClick={onCancel} autoFocus={danger}>{cancelLabel}</button>}
          </div>
        </form>
      )}
    </dialog>
  );
}
