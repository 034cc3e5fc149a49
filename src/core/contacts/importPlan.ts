/**
 * @module The contact import, planned before anything is written: which file column feeds which field
 * (the mapping, with a suggestion from the headers), each row normalised (row, column and reason for every
 * refused cell), rows of one person merged, and each merged contact matched to an existing one by e-mail,
 * phone or external id (update) or new (create). Pure: the server loads what exists and applies the plan.
 */
import { type AttributeDef, type AttributeValue } from './attributes.ts';
import { hasIdentifier, normalizeContact, type ContactFields, type ContactInput, type ProblemCode } from './contact.ts';
import { IMPORT_FIELDS, type ImportField } from './fields.ts';

/** What one column feeds: a field, `attr:<key>` (an attribute), or null (ignored). */
export type ImportTarget = ImportField | `attr:${string}`;
export type ColumnMapping = (ImportTarget | null)[];

/** The file as read: header texts and the data rows with their row numbers in the file (the header is row 1). */
export interface ImportSheet {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** A refused cell or row: `row` as the spreadsheet numbers it, `column` the file's header (null: the whole row). */
export interface RowError {
  row: number;
  column: string | null;
  /** What is wrong, for translations; `reason` says it in English. */
  code: ProblemCode;
  reason: string;
  vars?: Record<string, string | number>;
}

export type ImportFields = Partial<Omit<ContactFields, 'attributes'>>;

export interface PlannedContact {
  /** The rows merged into this contact, in file order. */
  rows: number[];
  /** Non-empty fields only: an empty cell never clears what a contact has. */
  fields: ImportFields;
  attributes: Record<string, AttributeValue>;
}

export interface ExistingIndex {
  email: ReadonlyMap<string, string>;
  phone: ReadonlyMap<string, string>;
  externalId: ReadonlyMap<string, string>;
}

export interface ImportContext {
  attributeDefs: readonly AttributeDef[];
  defaultCountry: string | null;
  /** Existing contacts' ids by stored e-mail, phone and external id. */
  existing: ExistingIndex;
  /** A location's id from a cell (code or name), or null when there is none the importer may use. */
  resolveLocation: (ref: string) => string | null;
}

export interface ImportPlan {
  creates: PlannedContact[];
  updates: (PlannedContact & { id: string })[];
  errors: RowError[];
  /** Data rows read, and those left out because of an error. */
  rowsRead: number;
  rowsRefused: number;
}

// Header words (lower-cased, spaces/-/_ removed) that suggest a field, in en, ru and fa.
const SYNONYMS: Record<ImportField, string[]> = {
  email: ['email', 'e-mail', 'mail', 'emailaddress', 'почта', 'электроннаяпочта', 'емейл', 'имейл', 'ایمیل', 'پستالکترونیک', 'رایانامه'],
  phone: ['phone', 'mobile', 'tel', 'telephone', 'phonenumber', 'cell', 'телефон', 'мобильный', 'тел', 'تلفن', 'موبایل', 'شمارهتلفن', 'تلفنهمراه'],
  name: ['name', 'fullname', 'customer', 'customername', 'имя', 'фио', 'клиент', 'نام', 'نامونامخانوادگی', 'مشتری'],
  language: ['language', 'lang', 'locale', 'язык', 'زبان'],
  externalId: ['externalid', 'id', 'customerid', 'clientid', 'crmid', 'код', 'кодклиента', 'شناسه', 'کدمشتری'],
  location: ['location', 'store', 'shop', 'branch', 'locationcode', 'storecode', 'магазин', 'филиал', 'точка', 'فروشگاه', 'شعبه'],
  segment: ['segment', 'tier', 'group', 'сегмент', 'группа', 'بخش', 'گروه'],
  timeZone: ['timezone', 'tz', 'zone', 'часовойпояс', 'منطقهزمانی'],
};

const squash = (header: string) => header.trim().toLowerCase().replace(/[\s_\-.]/g, '').replace(/\u200c/g, '');

/** A first mapping from the headers: known words for the fields, attribute keys and labels; each target used once. */
export function suggestMapping(headers: readonly string[], attributeDefs: readonly AttributeDef[]): ColumnMapping {
  const used = new Set<string>();
  return headers.map((header) => {
    const h = squash(header);
    const field = IMPORT_FIELDS.find((f) => squash(f) === h || SYNONYMS[f].includes(h));
    const attr = attributeDefs.find((d) => squash(d.key) === h || squash(d.label) === h);
    const target: ImportTarget | null = field ?? (attr ? `attr:${attr.key}` : null);
    if (target === null || used.has(target)) return null;
    used.add(target);
    return target;
  });
}

/** Why a mapping cannot be used (a target twice, an unknown attribute, no identifier column), or null. */
export function mappingProblem(mapping: ColumnMapping, headers: readonly string[], attributeDefs: readonly AttributeDef[]): string | null {
  if (mapping.length !== headers.length) return `the mapping has ${mapping.length} columns, the file ${headers.length}`;
  const seen = new Set<string>();
  for (const target of mapping) {
    if (target === null) continue;
    if (seen.has(target)) return `two columns feed ${target}`;
    seen.add(target);
    if (target.startsWith('attr:') && !attributeDefs.some((d) => `attr:${d.key}` === target)) return `no attribute ${target.slice(5)}`;
    if (!target.startsWith('attr:') && !(IMPORT_FIELDS as readonly string[]).includes(target)) return `no field ${target}`;
  }
  if (!['email', 'phone', 'externalId'].some((f) => seen.has(f))) return 'map a column to e-mail, phone or external id: contacts are matched by them';
  return null;
}

/** Union-find over row indexes: rows sharing an e-mail, a phone or an external id are one person. */
function groupRows(keys: string[][]): number[][] {
  const parent = keys.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  keys.forEach((rowKeys, i) => {
    for (const key of rowKeys) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, number[]>();
  keys.forEach((_, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), i]);
  });
  return [...groups.values()];
}

const identifierKeys = (f: ImportFields) =>
  [f.email ? `e:${f.email}` : '', f.phone ? `p:${f.phone}` : '', f.externalId ? `x:${f.externalId}` : ''].filter(Boolean);

/**
 * Plans the import of `sheet` read through `mapping` (checked by mappingProblem first). A row with any
 * refused cell is left out whole (its errors say why); the others are merged per person (later rows
 * win field by field) and matched to existing contacts. A merged contact whose identifiers point at two
 * different existing contacts is refused on each of its rows (the file would join two people).
 */
export function planContactImport(sheet: ImportSheet, mapping: ColumnMapping, ctx: ImportContext): ImportPlan {
  const errors: RowError[] = [];
  const good: { row: number; fields: ImportFields; attributes: Record<string, AttributeValue> }[] = [];
  const columnOf = (field: string) => {
    const i = mapping.findIndex((t) => t === field || t === `attr:${field.replace(/^attributes\./, '')}`);
    return i < 0 ? null : sheet.headers[i];
  };
  for (const { row, cells } of sheet.rows) {
    const input: ContactInput & { attributes: Record<string, string> } = { attributes: {} };
    const rowErrors: RowError[] = [];
    mapping.forEach((target, i) => {
      const cell = (cells[i] ?? '').trim();
      if (target === null || cell === '') return;
      if (target.startsWith('attr:')) input.attributes[target.slice(5)] = cell;
      else if (target === 'location') {
        const id = ctx.resolveLocation(cell);
        if (id === null) rowErrors.push({ row, column: sheet.headers[i], code: 'no_location', reason: `no location with code or name "${cell}" among yours`, vars: { ref: cell } });
        else input.locationId = id;
      } else input[target as Exclude<ImportField, 'location'>] = cell;
    });
    const normalized = normalizeContact(input, { attributeDefs: ctx.attributeDefs, defaultCountry: ctx.defaultCountry });
    for (const p of normalized.problems) rowErrors.push({ row, column: columnOf(p.field), code: p.code, reason: p.reason, ...(p.vars ? { vars: p.vars } : {}) });
    const fields = Object.fromEntries(Object.entries(normalized.fields).filter(([, v]) => v !== null)) as ImportFields;
    if (rowErrors.length === 0 && !hasIdentifier({ email: fields.email ?? null, phone: fields.phone ?? null, externalId: fields.externalId ?? null })) {
      rowErrors.push({ row, column: null, code: 'no_identifier', reason: 'no e-mail, phone or external id' });
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else good.push({ row, fields, attributes: normalized.attributes });
  }

  const plan: ImportPlan = { creates: [], updates: [], errors, rowsRead: sheet.rows.length, rowsRefused: 0 };
  for (const group of groupRows(good.map((g) => identifierKeys(g.fields)))) {
    const members = group.map((i) => good[i]);
    const merged: PlannedContact = { rows: members.map((m) => m.row), fields: {}, attributes: {} };
    for (const m of members) {
      Object.assign(merged.fields, m.fields);
      Object.assign(merged.attributes, m.attributes);
    }
    const matches = new Map<string, string>();
    for (const m of members) {
      const f = m.fields;
      const hit = (kind: keyof ExistingIndex, value: string | null | undefined, words: string) => {
        const id = value ? ctx.existing[kind].get(value) : undefined;
        if (id && !matches.has(id)) matches.set(id, `${words} ${value}`);
      };
      hit('email', f.email, 'e-mail');
      hit('phone', f.phone, 'phone');
      hit('externalId', f.externalId, 'external id');
    }
    if (matches.size > 1) {
      const found = [...matches.values()].join('; ');
      const reason = `matches ${matches.size} different contacts (${found}); fix the file or merge them first`;
      for (const row of merged.rows) errors.push({ row, column: null, code: 'two_contacts', reason, vars: { n: matches.size, found } });
      continue;
    }
    const [id] = matches.keys();
    if (id) plan.updates.push({ ...merged, id });
    else plan.creates.push(merged);
  }
  errors.sort((a, b) => a.row - b.row);
  plan.rowsRefused = new Set(errors.map((e) => e.row)).size;
  return plan;
}

