/** Parses input with a zod schema; the first issue becomes one validation error naming the field. */
import type { z } from 'zod';
import { invalid } from './errors.ts';

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue.path.join('.');
  throw invalid(field ? `${field}: ${issue.message}` : issue.message, { field, issues: result.error.issues.slice(0, 10) });
}
