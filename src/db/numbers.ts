/**
 * Explicit numeric parsing. node-postgres returns bigint (int8: count(*), sum of int) and numeric
 * (sum of bigint, avg) as strings, because a JavaScript number cannot hold every such value. Queries
 * cast small values in SQL (`count(*)::int`, `avg(x)::float8`); a bigint that may outgrow int4 (rollup
 * counts, sums of products) is converted here, and refused rather than rounded when it does not fit.
 */

/** A bigint or numeric value from PostgreSQL (string, or number once cast) as an exact integer. @throws when it is not one */
export function toSafeInteger(value: string | number): number {
  // Number('') is 0 and Number('1e3') 1000: only plain digits are an integer from PostgreSQL.
  const n = typeof value === 'number' ? value : /^-?\d+$/.test(value) ? Number(value) : NaN;
  // Above 2^53 - 1, Number() would round to a neighbour: refuse instead.
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${value} is not an integer a JavaScript number holds exactly`);
  }
  return n;
}
