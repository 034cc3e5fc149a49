import { describe, expect, it } from 'vitest';
import { snapshotParams, snapshotScope } from './loyaltySnapshotKey.ts';

describe('snapshotParams', () => {
  it('sorts by name and drops left-out parameters', () => {
    expect(snapshotParams({ to: '2026-03-31', period: 'month', from: '2026-01-01', location: undefined })).toBe('from=2026-01-01&period=month&to=2026-03-31');
  });
  it('is empty without parameters', () => {
    expect(snapshotParams({ from: undefined })).toBe('');
  });
  it('escapes separators inside values', () => {
    expect(snapshotParams({ a: 'x&b=y' })).toBe('a=x%26b%3Dy');
  });
});

describe('snapshotScope', () => {
  it('is * for the whole organisation', () => {
    expect(snapshotScope(null)).toBe('*');
  });
  it('sorts and deduplicates paths', () => {
    expect(snapshotScope(['/b/', '/a/', '/b/'])).toBe('/a/,/b/');
  });
  it('tells no locations apart from the whole organisation', () => {
    expect(snapshotScope([])).toBe('');
  });
});
