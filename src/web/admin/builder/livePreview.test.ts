import { describe, expect, it } from 'vitest';
import { LatestOnly } from './livePreview.ts';

describe('LatestOnly', () => {
  it('accepts the answer of the latest request only', () => {
    const seq = new LatestOnly();
    const first = seq.next();
    expect(seq.isLatest(first)).toBe(true);
    const second = seq.next();
    // The first answer arrives after the second request went out: stale.
    expect(seq.isLatest(first)).toBe(false);
    expect(seq.isLatest(second)).toBe(true);
  });
});
