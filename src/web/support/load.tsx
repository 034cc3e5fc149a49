/** Loading of the Support page's panels: no number of earlier filters stays on screen while new ones load. */
import type { ReactNode } from 'react';
import type { Loaded } from '../components/useLoad.ts';
import { ErrorBox, Skeleton } from '../analytics/ui.tsx';

/** The filters every panel passes to the API (`from`, `to`, `location`, `channel`, `team`, `priority`, `repeatWindow`). */
export type SupportFilters = Record<string, string | undefined>;

/** The answer of `state` when it belongs to the current request, else null. */
export function fresh<T>(state: Loaded<T>): T | null {
  return state.loading ? null : state.data;
}

/** A panel's content: its error with retry, a placeholder while loading, or the content. */
export function FreshLoadable<T>({ state, height, children }: { state: Loaded<T>; height: number; children: (data: T) => ReactNode }) {
  if (state.error && !state.loading) return <ErrorBox error={state.error} onRetry={state.reload} />;
  const data = fresh(state);
  if (data === null) return <Skeleton height={height} />;
  return <>{children(data)}</>;
}

/** A table of the page: scrolls sideways on narrow screens, its caption for screen readers. `wide`: keeps its columns readable on a phone. */
export function SupportTable({ testId, caption, wide, children }: { testId: string; caption: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className="sp-scroll">
      <table className={wide ? 'sp-table sp-wide' : 'sp-table'} data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        {children}
      </table>
    </div>
  );
}
