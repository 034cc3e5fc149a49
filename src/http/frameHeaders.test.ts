import { describe, expect, it } from 'vitest';
import { frameAncestorsFor, withFrameAncestors, X_FRAME_OPTIONS } from './frameHeaders.ts';

describe('frameAncestorsFor', () => {
  it("lets only Sarafan's own origin frame respondent pages and nobody frame the rest", () => {
    expect(frameAncestorsFor('/s/demo-nps')).toBe("'self'");
    expect(frameAncestorsFor('/s/demo-nps?loc=S1&lang=fa')).toBe("'self'");
    expect(frameAncestorsFor('/')).toBe("'none'");
    expect(frameAncestorsFor('/app/surveys')).toBe("'none'");
    expect(frameAncestorsFor('/api/v1/me')).toBe("'none'");
    expect(frameAncestorsFor('/setup')).toBe("'none'");
    expect(frameAncestorsFor('/survey')).toBe("'none'");
    expect(frameAncestorsFor('/assets/index.js')).toBe("'none'");
    // A shared link's embed (and its password form's answer) carry the link's own list; the page itself does not.
    expect(frameAncestorsFor('/p/AbC-123_xyz/embed')).toBe('route');
    expect(frameAncestorsFor('/p/AbC-123_xyz/embed?lang=fa')).toBe('route');
    expect(frameAncestorsFor('/p/AbC-123_xyz/unlock?to=embed')).toBe('route');
    expect(frameAncestorsFor('/p/AbC-123_xyz/unlock')).toBe("'none'");
    expect(frameAncestorsFor('/p/AbC-123_xyz')).toBe("'none'");
    expect(frameAncestorsFor('/p/AbC-123_xyz/embedded')).toBe("'none'");
    expect(frameAncestorsFor('/api/v1/p/x/embed')).toBe("'none'");
  });
});

describe('withFrameAncestors', () => {
  it('adds the directive to a policy, or makes a policy of it alone', () => {
    expect(withFrameAncestors("default-src 'none'; base-uri 'none'", "'self'")).toBe("default-src 'none'; base-uri 'none'; frame-ancestors 'self'");
    expect(withFrameAncestors(undefined, "'none'")).toBe("frame-ancestors 'none'");
    expect(withFrameAncestors('', "'none'")).toBe("frame-ancestors 'none'");
  });

  it('replaces a frame-ancestors directive a route wrote, whatever its case', () => {
    expect(withFrameAncestors("default-src 'self'; Frame-Ancestors *; img-src data:;", "'none'")).toBe(
      "default-src 'self'; img-src data:; frame-ancestors 'none'",
    );
  });

  it('pairs each policy with its X-Frame-Options', () => {
    expect(X_FRAME_OPTIONS["'none'"]).toBe('DENY');
    expect(X_FRAME_OPTIONS["'self'"]).toBe('SAMEORIGIN');
  });
});
