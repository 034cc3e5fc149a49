/** A menu button (aria-expanded, Escape closes and returns focus, a click outside closes) for the dashboard's Views and Export menus. */
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function MenuButton({ label, testId, children }: { label: string; testId: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    const onClick = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);
  return (
    <div className="an-menu" ref={box}>
      <button ref={button} type="button" className="secondary small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid={testId}>
        {label} ▾
      </button>
      {open && <div className="an-menu-pop card">{children(() => setOpen(false))}</div>}
    </div>
  );
}
