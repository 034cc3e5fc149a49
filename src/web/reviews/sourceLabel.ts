/** Review sources the interface knows get their platform's name; others are shown as stored. */
import { isMessageKey, type Translate } from '../i18n.tsx';

export function sourceLabel(t: Translate, source: string): string {
  const key = `rv.src.${source}`;
  return isMessageKey(key) ? t(key) : source;
}
