/**
 * An ARIA tab bar (roving tabindex; arrow keys, Home, End). The panel is rendered by the caller with
 * role="tabpanel" and aria-labelledby={tabId(idPrefix, active)}.
 */
import { useRef, type KeyboardEvent } from 'react';
import { useI18n } from '../i18n.tsx';

export function tabId(prefix: string, key: string): string {
  return `${prefix}-tab-${key}`;
}
export function panelId(prefix: string): string {
  return `${prefix}-panel`;
}

export function Tabs({ idPrefix, label, tabs, active, onChange }: {
  idPrefix: string;
  label: string;
  tabs: { key: string; label: string }[];
  active: string;
  onChange: (key: string) => void;
}) {
  const { dir } = useI18n();
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.findIndex((x) => x.key === active);
    // In right-to-left layout the "next" tab is on the left.
    const forward = dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    let next = -1;
    if (e.key === forward) next = (i + 1) % tabs.length;
    else if (e.key === back) next = (i - 1 + tabs.length) % tabs.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = tabs.length - 1;
    if (next < 0) return;
    e.preventDefault();
    onChange(tabs[next].key);
    refs.current[tabs[next].key]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className="tabs" onKeyDown={onKey}>
      {tabs.map((tab) => (
        <button
          key={tab.key}
          ref={(el) => { refs.current[tab.key] = el; }}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.key)}
          aria-selected={tab.key === active}
          aria-controls={panelId(idPrefix)}
          tabIndex={tab.key === active ? 0 : -1}
          className="tab"
          onClick={() => onChange(tab.key)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
