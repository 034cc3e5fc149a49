import { describe, expect, it } from 'vitest';
import { mappingProblem, planContactImport, suggestMapping, type ImportContext, type ImportSheet } from './importPlan.ts';
import type { AttributeDef } from './attributes.ts';

const defs: AttributeDef[] = [
  { key: 'tier', label: 'Loyalty tier', type: 'choice', choices: ['Gold', 'Silver'], dimension: true },
  { key: 'visits', label: 'Visits', type: 'number', choices: [], dimension: false },
];

const ctx = (existing: Partial<Record<'email' | 'phone' | 'externalId', [string, string][]>> = {}): ImportContext => ({
  attributeDefs: defs,
  defaultCountry: 'RU',
  existing: { email: new Map(existing.email ?? []), phone: new Map(existing.phone ?? []), externalId: new Map(existing.externalId ?? []) },
  resolveLocation: (ref) => ({ 'msk-01': 'loc-1', 'тверская': 'loc-1' } as Record<string, string>)[ref.toLowerCase()] ?? null,
});

const sheet = (headers: string[], rows: string[][]): ImportSheet => ({ headers, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

describe('suggestMapping', () => {
  it('knows field words in en, ru and fa, attribute labels, and uses each target once', () => {
    expect(suggestMapping(['E-mail', 'Телефон', 'نام', 'Loyalty tier', 'visits', 'Email', 'Notes', 'Магазин'], defs)).toEqual([
      'email', 'phone', 'name', 'attr:tier', 'attr:visits', null, null, 'location',
    ]);
  });
});

describe('mappingProblem', () => {
  const headers = ['a', 'b'];
  it('needs an identifier column, each target once, known attributes, one entry per column', () => {
    expect(mappingProblem(['name', null], headers, defs)).toMatch(/e-mail, phone or external id/);
    expect(mappingProblem(['email', 'email'], headers, defs)).toBe('two columns feed email');
    expect(mappingProblem(['email', 'attr:nope'], headers, defs)).toBe('no attribute nope');
    expect(mappingProblem(['email'], headers, defs)).toBe('the mapping has 1 columns, the file 2');
    expect(mappingProblem(['phone', 'attr:tier'], headers, defs)).toBeNull();
  });
});

describe('planContactImport', () => {
  const headers = ['email', 'phone', 'name', 'store', 'tier', 'visits'];
  const mapping = ['email', 'phone', 'name', 'location', 'attr:tier', 'attr:visits'] as const;

  it('reports every refused cell with its row and column, and leaves the row out whole', () => {
    const plan = planContactImport(
      sheet(headers, [
        ['anna@example.ru', '8 916 123-45-67', 'Анна', 'MSK-01', 'gold', '3'],
        ['not-an-email', '12', 'Борис', 'nowhere', 'bronze', 'many'],
        ['', '', 'Nobody', '', '', ''],
      ]),
      [...mapping],
      ctx(),
    );
    expect(plan.creates).toEqual([
      {
        rows: [2],
        fields: { email: 'anna@example.ru', phone: '+79161234567', name: 'Анна', locationId: 'loc-1' },
        attributes: { tier: 'Gold', visits: 3 },
      },
    ]);
    expect(plan.errors).toEqual([
      { row: 3, column: 'store', code: 'no_location', reason: 'no location with code or name "nowhere" among yours', vars: { ref: 'nowhere' } },
      { row: 3, column: 'email', code: 'not_an_email', reason: 'not an e-mail address' },
      { row: 3, column: 'phone', code: 'not_a_phone', reason: 'not a phone number (of RU, or with +country code)', vars: { country: 'RU' } },
      { row: 3, column: 'tier', code: 'not_a_choice', reason: 'not one of: Gold, Silver', vars: { choices: 'Gold, Silver' } },
      { row: 3, column: 'visits', code: 'not_a_number', reason: 'not a number' },
      { row: 4, column: null, code: 'no_identifier', reason: 'no e-mail, phone or external id' },
    ]);
    expect(plan.rowsRead).toBe(3);
    expect(plan.rowsRefused).toBe(2);
  });

  it('merges rows of one person (sharing any identifier, transitively), later non-empty cells win', () => {
    const plan = planContactImport(
      sheet(headers, [
        ['reza@example.ir', '', 'Reza', '', 'Silver', ''],
        ['', '+98 912 345 6789', 'Reza K.', '', '', '5'],
        ['REZA@example.ir', '+989123456789', '', '', '', ''],
        ['sara@example.ir', '', 'Sara', '', '', ''],
      ]),
      [...mapping],
      ctx(),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.creates).toEqual([
      { rows: [2, 3, 4], fields: { email: 'reza@example.ir', phone: '+989123456789', name: 'Reza K.' }, attributes: { tier: 'Silver', visits: 5 } },
      { rows: [5], fields: { email: 'sara@example.ir', name: 'Sara' }, attributes: {} },
    ]);
  });

  it('updates the existing contact a row matches by e-mail, phone or external id', () => {
    const plan = planContactImport(
      sheet(['id', 'phone', 'name'], [
        ['C-7', '', 'Olga'],
        ['', '+79031112233', 'Pavel'],
        ['C-9', '', 'New'],
      ]),
      ['externalId', 'phone', 'name'],
      ctx({ externalId: [['C-7', 'id-olga']], phone: [['+79031112233', 'id-pavel']] }),
    );
    expect(plan.updates).toEqual([
      { id: 'id-olga', rows: [2], fields: { externalId: 'C-7', name: 'Olga' }, attributes: {} },
      { id: 'id-pavel', rows: [3], fields: { phone: '+79031112233', name: 'Pavel' }, attributes: {} },
    ]);
    expect(plan.creates).toEqual([{ rows: [4], fields: { externalId: 'C-9', name: 'New' }, attributes: {} }]);
  });

  it('refuses a person whose identifiers belong to two existing contacts, on each of their rows', () => {
    const plan = planContactImport(
      sheet(['email', 'phone'], [
        ['olga@example.ru', ''],
        ['', '+79031112233'],
        ['olga@example.ru', '+79031112233'],
      ]),
      ['email', 'phone'],
      ctx({ email: [['olga@example.ru', 'id-olga']], phone: [['+79031112233', 'id-pavel']] }),
    );
    const reason = 'matches 2 different contacts (e-mail olga@example.ru; phone +79031112233); fix the file or merge them first';
    const vars = { n: 2, found: 'e-mail olga@example.ru; phone +79031112233' };
    expect(plan.errors).toEqual([2, 3, 4].map((row) => ({ row, column: null, code: 'two_contacts', reason, vars })));
    expect(plan.creates).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(plan.rowsRefused).toBe(3);
  });
});
