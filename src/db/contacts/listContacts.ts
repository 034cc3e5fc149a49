/** Reads of the contact directory, always limited to the caller's organisation and locations (db/scope.ts). */
import type { Queryable } from '../connection.ts';
import type { Scope } from '../../core/access/index.ts';
import type { Contact } from '../../core/contacts/contact.ts';
import { locationScopeSql } from '../scope.ts';
import { CONTACT_COLUMNS, toContact } from './contactRows.ts';

export interface ContactFilter {
  /** Part of the name, e-mail, phone or external id (case-insensitive). */
  q?: string;
  segment?: string;
  locationId?: string;
  /** true: only opted-out contacts; false: only those who may be asked. */
  optedOut?: boolean;
  /** Include erased contacts (default: no). */
  erased?: boolean;
  limit: number;
  offset: number;
}

// A restricted caller sees the contacts of their locations' subtrees only (none without a location).
function where(scope: Scope, f: Omit<ContactFilter, 'limit' | 'offset'>, params: unknown[]): string {
  params.push(scope.orgId);
  const parts = [`c.org_id = $${params.length}`, locationScopeSql(scope, 'c.location_id', params)];
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
    const p = `$${params.length}`;
    parts.push(`(c.name ilike ${p} or c.email ilike ${p} or c.phone ilike ${p} or c.external_id ilike ${p})`);
  }
  if (f.segment) {
    params.push(f.segment);
    parts.push(`c.segment = $${params.length}`);
  }
  if (f.locationId) {
    params.push(f.locationId);
    parts.push(`c.location_id in (select d.id from locations a join locations d on d.org_id = a.org_id and d.path like a.path || '%'
      where a.org_id = c.org_id and a.id = $${params.length})`);
  }
  if (f.optedOut !== undefined) parts.push(f.optedOut ? 'c.unsubscribed_at is not null' : 'c.unsubscribed_at is null');
  if (!f.erased) parts.push('c.erased_at is null');
  return parts.join(' and ');
}

/** One page of contacts (by name, then e-mail), and how many match in all. */
export async function listContacts(db: Queryable, scope: Scope, filter: ContactFilter): Promise<{ contacts: Contact[]; total: number }> {
  const params: unknown[] = [];
  const w = where(scope, filter, params);
  params.push(filter.limit, filter.offset);
  const { rows } = await db.query(
    `/* listContacts */ select ${CONTACT_COLUMNS}, count(*) over ()::int as total from contacts c where ${w}
      order by c.name nulls last, c.email nulls last, c.phone nulls last, c.id limit $${params.length - 1} offset $${params.length}`,
    params,
  );
  let total = rows[0]?.total ?? 0;
  if (rows.length === 0 && filter.offset > 0) {
    const countParams: unknown[] = [];
    const res = await db.query(`/* countContacts */ select count(*)::int as n from contacts c where ${where(scope, filter, countParams)}`, countParams);
    total = res.rows[0].n;
  }
  return { contacts: rows.map(toContact), total };
}

/** One contact when it is in scope (erased ones included), else null. */
export async function getContact(db: Queryable, scope: Scope, id: string, opts: { forUpdate?: boolean } = {}): Promise<Contact | null> {
  const params: unknown[] = [id];
  const { rows } = await db.query(
    `/* getContact */ select ${CONTACT_COLUMNS} from contacts c where c.id = $1 and ${where(scope, { erased: true }, params)}
      ${opts.forUpdate ? 'for update' : ''}`,
    params,
  );
  return rows[0] ? toContact(rows[0]) : null;
}

/** The segments in use in scope, with their counts (for the list's filter). */
export async function listContactSegments(db: Queryable, scope: Scope): Promise<{ segment: string; n: number }[]> {
  const params: unknown[] = [];
  const { rows } = await db.query(
    `/* listContactSegments */ select c.segment, count(*)::int as n from contacts c
      where ${where(scope, {}, params)} and c.segment is not null group by c.segment order by c.segment`,
    params,
  );
  return rows.map((r) => ({ segment: r.segment, n: r.n }));
}

/** Which of these contact ids are in scope (for writes that matched contacts by identifier). */
export async function getContactsInScope(db: Queryable, scope: Scope, ids: readonly string[]): Promise<string[]> {
  const params: unknown[] = [ids];
  const { rows } = await db.query(
    `/* getContactsInScope */ select c.id from contacts c where c.id = any($1::uuid[]) and ${where(scope, { erased: true }, params)}`,
    params,
  );
  return rows.map((r) => r.id);
}
