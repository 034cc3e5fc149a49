import { describe, expect, it } from 'vitest';
import { safeNextPath } from './nextPath.ts';

describe('safeNextPath', () => {
  it('keeps paths of the dashboard with their query and fragment', () => {
    expect(safeNextPath('/app/surveys/123')).toBe('/app/surveys/123');
    expect(safeNextPath('/app')).toBe('/app');
    expect(safeNextPath('/app/surveys/9/dashboard?from=2024-01-01#trend')).toBe('/app/surveys/9/dashboard?from=2024-01-01#trend');
  });

  it('refuses other origins, schemes and tricks that browsers read as another host', () => {
    for (const bad of [
      'https://evil.example/app', '//evil.example/app', '/\\evil.example', '/app\\..\\..\\evil', 'javascript:alert(1)',
      '/app/../../evil', '/application', '/s/demo-nps', '', 'app/surveys', '/app/\n//evil.example', null, 42,
    ]) {
      expect(safeNextPath(bad), String(bad)).toBe('/app');
    }
  });

  it('resolves dot segments that stay inside /app', () => {
    expect(safeNextPath('/app/surveys/../users')).toBe('/app/users');
  });
});
