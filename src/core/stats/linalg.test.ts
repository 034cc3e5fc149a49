import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../errors.ts';
import { identity, jacobiEigen, matMul, matVec, pearson, solveLinearSystem, transpose } from './linalg.ts';

describe('linear algebra', () => {
  it('Jacobi: [[2,1],[1,2]] has eigenvalues 3 and 1 with vectors (1,1)/sqrt2 and (1,-1)/sqrt2', () => {
    const { values, vectors } = jacobiEigen([[2, 1], [1, 2]]);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(vectors[0][0] * vectors[1][0]).toBeCloseTo(0.5, 14); // same sign for eigenvalue 3
    expect(vectors[0][1] * vectors[1][1]).toBeCloseTo(-0.5, 14);
  });

  it('Jacobi: a diagonal matrix is its own decomposition, sorted decreasingly', () => {
    expect(jacobiEigen([[1, 0, 0], [0, 5, 0], [0, 0, 3]]).values).toEqual([5, 3, 1]);
  });

  it('Jacobi rejects non-square and non-symmetric input', () => {
    expect(() => jacobiEigen([[1, 2]])).toThrow(DomainError);
    expect(() => jacobiEigen([[1, 2], [3, 4]])).toThrow(/symmetric/);
  });

  it('property: V diag(D) V\' reconstructs A, V is orthonormal, trace is preserved', () => {
    const sym = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: n * n, maxLength: n * n }).map((xs) => {
        const a = Array.from({ length: n }, (_, i) => xs.slice(i * n, i * n + n));
        return a.map((row, i) => row.map((_, j) => (i <= j ? a[i][j] : a[j][i])));
      }),
    );
    fc.assert(
      fc.property(sym, (a) => {
        const n = a.length;
        const { values, vectors } = jacobiEigen(a);
        const back = matMul(matMul(vectors, values.map((d, i) => values.map((_, j) => (i === j ? d : 0)))), transpose(vectors));
        const vtv = matMul(transpose(vectors), vectors);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < n; j++) {
            expect(back[i][j]).toBeCloseTo(a[i][j], 8);
            expect(vtv[i][j]).toBeCloseTo(identity(n)[i][j], 10);
          }
        }
        for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
        expect(values.reduce((s, v) => s + v, 0)).toBeCloseTo(a.reduce((s, row, i) => s + row[i], 0), 8);
      }),
    );
  });

  it('solves a hand-checked system and detects singular ones', () => {
    // 2x + y = 5, x + 3y = 10 -> x = 1, y = 3
    const x = solveLinearSystem([[2, 1], [1, 3]], [5, 10]);
    expect(x[0]).toBeCloseTo(1, 14);
    expect(x[1]).toBeCloseTo(3, 14);
    expect(matVec([[2, 1], [1, 3]], x)).toEqual([expect.closeTo(5, 12), expect.closeTo(10, 12)]);
    expect(() => solveLinearSystem([[1, 2], [2, 4]], [1, 2])).toThrow(/singular/);
  });

  it('Pearson correlation: hand cases and zero variance', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 14);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 14);
    // x = 1..4, y = 1,3,2,4: sxy = 4, sxx = syy = 5 -> r = 0.8
    expect(pearson([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 14);
    expect(pearson([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(pearson([0.1, 0.1, 0.1], [1, 2, 3])).toBeNull();
  });
});
