import { describe, expect, it } from 'vitest';
import { isUnavailable } from './connection.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isUnavailable', () => {
  it('is true for connection exceptions, operator intervention, too many connections and unreachable hosts', () => {
    for (const code of ['08006', '08001', '57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT']) {
      expect(isUnavailable(withCode(code)), code).toBe(true);
    }
    expect(isUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
  });

  it('is false for errors a retry would not fix', () => {
    for (const code of ['23505', '22P02', '42P01', '57014', '40001', '55000']) expect(isUnavailable(withCode(code)), code).toBe(false);
    expect(isUnavailable(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isUnavailable(undefined)).toBe(false);
  });
});
