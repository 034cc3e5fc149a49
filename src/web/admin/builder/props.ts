/** Props every builder section receives from the page. */
import type { Dispatch } from 'react';
import type { BuilderAction, BuilderState } from './state.ts';

export interface SectionProps {
  state: BuilderState;
  dispatch: Dispatch<BuilderAction>;
  /** The message to show next to a field (server or client check), or null. */
  errorFor(field: string, exact?: boolean): string | null;
}

/** `/s/<slug>` as an isolated left-to-right run, so it reads whole inside Persian text. */
export const addressText = (slug: string) => `\u2066/s/${slug}\u2069`;
