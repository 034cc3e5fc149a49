/**
 * @module The canonical fields of store import files (docs/store-economics.md "Imports: footfall, transactions,
 * shifts") and how a file's columns map to them: an explicit mapping {field: column}, else the column whose name
 * (case-insensitive; spaces, dashes and dots as `_`) is the field or one of its common synonyms.
 *
 * Exports: `STORE_IMPORT_KINDS`, `StoreImportKind`, `STORE_FIELDS`, `StoreField`, `fieldKey`, `suggestMapping`,
 * `resolveColumns`, `missingFields`.
 */

export const STORE_IMPORT_KINDS = ['footfall', 'transactions', 'shifts'] as const;
export type StoreImportKind = (typeof STORE_IMPORT_KINDS)[number];

export interface StoreField {
  name: string;
  /** Other column names accepted by default (as column keys), most likely first. */
  synonyms: readonly string[];
}

const LOCATION: StoreField = { name: 'location', synonyms: ['store', 'location_id', 'store_id', 'location_code', 'store_code', 'shop', 'branch', 'site'] };

/** The fields of each kind, in the order the mapping form shows them. */
export const STORE_FIELDS: Record<StoreImportKind, readonly StoreField[]> = {
  footfall: [
    LOCATION,
    { name: 'hour', synonyms: ['datetime', 'timestamp', 'time', 'period_start', 'hour_start'] },
    { name: 'date', synonyms: ['day'] },
    { name: 'visitors', synonyms: ['visits', 'entries', 'enters', 'in', 'footfall', 'traffic', 'count'] },
    { name: 'passers_by', synonyms: ['passersby', 'passers', 'passerby', 'passing', 'outside', 'street_traffic'] },
  ],
  transactions: [
    { name: 'receipt_id', synonyms: ['receipt', 'order_id', 'order', 'transaction_id', 'receipt_no', 'receipt_number', 'check_id', 'txn_id'] },
    LOCATION,
    { name: 'at', synonyms: ['time', 'timestamp', 'datetime', 'date', 'sold_at', 'purchased_at', 'created_at', 'order_date'] },
    { name: 'amount', synonyms: ['total', 'sum', 'revenue', 'value', 'total_amount', 'price'] },
    { name: 'customer_id', synonyms: ['customer', 'client_id', 'customer_key', 'card', 'loyalty_card', 'member_id'] },
    { name: 'items', synonyms: ['quantity', 'qty', 'item_count', 'units'] },
    { name: 'referral_code', synonyms: ['referral', 'ref_code', 'promo_code'] },
  ],
  shifts: [
    { name: 'shift_id', synonyms: ['shift'] },
    LOCATION,
    { name: 'employee', synonyms: ['employee_id', 'employee_code', 'staff_id', 'staff', 'worker', 'cashier'] },
    { name: 'starts_at', synonyms: ['start_at', 'shift_start', 'start_datetime', 'from'] },
    { name: 'ends_at', synonyms: ['end_at', 'shift_end', 'end_datetime', 'to'] },
    { name: 'date', synonyms: ['day', 'shift_date'] },
    { name: 'start', synonyms: ['start_time', 'begin'] },
    { name: 'end', synonyms: ['end_time', 'finish'] },
  ],
};

/** A column name as a key: trimmed, lower case, spaces, dashes and dots as `_` ("Receipt No." -> receipt_no_). */
export function fieldKey(header: string): string {
  return header.trim().toLowerCase().replace(/[\s\-.]+/g, '_').replace(/_+$/, '');
}

/**
 * The column (as written in `headers`) the default rules give each field: the field's own name first, then its
 * synonyms in order; a column serves one field only.
 */
export function suggestMapping(kind: StoreImportKind, headers: readonly string[]): Record<string, string> {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(fieldKey(h))) byKey.set(fieldKey(h), h);
  const used = new Set<string>();
  const out: Record<string, string> = {};
  // Own names first, so that a column named after a field is never taken as another field's synonym.
  for (const f of STORE_FIELDS[kind]) {
    const own = byKey.get(f.name);
    if (own !== undefined) {
      out[f.name] = own;
      used.add(own);
    }
  }
  for (const f of STORE_FIELDS[kind]) {
    if (out[f.name] !== undefined) continue;
    const hit = f.synonyms.map((s) => byKey.get(s)).find((h) => h !== undefined && !used.has(h));
    if (hit !== undefined) {
      out[f.name] = hit;
      used.add(hit);
    }
  }
  return out;
}

/**
 * The column key that feeds each field: the explicit mapping's column, else the default suggestion.
 * @returns the columns, or why the mapping cannot be used (a field it does not know, a column the file lacks)
 */
export function resolveColumns(kind: StoreImportKind, keys: readonly string[], mapping: Readonly<Record<string, string>>): Map<string, string> | string {
  const names = STORE_FIELDS[kind].map((f) => f.name);
  const unknown = Object.keys(mapping).find((f) => !names.includes(f));
  if (unknown !== undefined) return `mapping: "${unknown}" is not a field of ${kind} files (${names.join(', ')})`;
  const columns = new Map<string, string>();
  for (const [field, column] of Object.entries(mapping)) {
    if (column.trim() === '') continue;
    if (!keys.includes(fieldKey(column))) return `mapping: the file has no column "${column}" (for ${field})`;
    columns.set(field, fieldKey(column));
  }
  const explicit = new Set(columns.values());
  const suggested = suggestMapping(kind, keys.filter((k) => !explicit.has(k)));
  for (const [field, key] of Object.entries(suggested)) if (!columns.has(field) && !(field in mapping)) columns.set(field, key);
  return columns;
}

/**
 * The required fields `fields` lacks, as one message, or null. `fileLocation`: the import names one location for
 * every row, so a location column is optional.
 */
export function missingFields(kind: StoreImportKind, fields: ReadonlySet<string>, fileLocation: boolean): string | null {
  const has = (f: string) => fields.has(f);
  const missing: string[] = [];
  if (!fileLocation && !has('location')) missing.push('location');
  if (kind === 'footfall') {
    if (!has('hour')) missing.push('hour (a date and time, or with date: the hour 0-23)');
    if (!has('visitors')) missing.push('visitors');
  } else if (kind === 'transactions') {
    if (!has('at')) missing.push('at');
    if (!has('amount')) missing.push('amount');
  } else if (!(has('starts_at') && has('ends_at')) && !(has('date') && has('start') && has('end'))) {
    missing.push('starts_at and ends_at (or date, start and end)');
  }
  return missing.length ? `the file has no column for ${missing.join(', ')}` : null;
}
