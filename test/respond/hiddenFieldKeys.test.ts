/**
 * One hidden-field key rule across the layers: a key the distribute page accepts reaches the stored
 * response in the form the settings accept as a dimension. `Segment` used to pass the distribute page,
 * be stored as `Segment` and be refused as a dimension (which are lowercase).
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/http/validate.ts';
import { UpdateOrgSchema } from '../../src/core/api/org.ts';
import { hiddenFromBody, hiddenFromQuery } from '../../src/respond/context.ts';
import { buildSurveyUrl } from '../../src/web/admin/distribute/links.ts';

describe('a hidden field named Segment', () => {
  const link = buildSurveyUrl('/s/nps', { fields: [{ key: 'Segment', value: 'vip' }] });
  const stored = hiddenFromQuery(Object.fromEntries(new URL(link, 'http://x.test').searchParams));

  it('is put in the link, and stored, as segment', () => {
    expect(link).toBe('/s/nps?segment=vip');
    expect(stored).toEqual({ segment: 'vip' });
  });

  it('is stored as segment from a hand-written link and from the form post too', () => {
    expect(hiddenFromQuery({ Segment: 'vip' })).toEqual({ segment: 'vip' });
    expect(hiddenFromBody({ h_Segment: 'vip', q_nps: '9' })).toEqual({ segment: 'vip' });
  });

  it('can be marked as a dimension under the stored key, typed either way', () => {
    expect(parse(UpdateOrgSchema, { dimensions: Object.keys(stored) }).dimensions).toEqual(['segment']);
    expect(parse(UpdateOrgSchema, { dimensions: ['Segment'] }).dimensions).toEqual(['segment']);
  });

  it('reserved names stay out of links, responses and dimensions alike', () => {
    expect(buildSurveyUrl('/s/nps', { fields: [{ key: 'Channel', value: 'x' }] })).toBe('/s/nps');
    expect(hiddenFromQuery({ Channel: 'x', lang: 'en' })).toEqual({});
    expect(() => parse(UpdateOrgSchema, { dimensions: ['channel'] })).toThrow(/dimensions/);
  });
});
