/** @module Small dense linear algebra for key-driver analysis (METRICS.md, drivers.v1). Matrices are row-major. */
import { DomainError } from '../errors.ts';

export type Matrix = number[][];

export interface Eigen {
  /** Eigenvalues, sorted in decreasing order. */
  values: number[];
  /** Column j of `vectors` is the unit eigenvector of values[j]. */
  vectors: Matrix;
}

/** n x n identity matrix. */
export function identity(n: number): Matrix {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/** Transpose. */
export function transpose(a: Matrix): Matrix {
  return a.length === 0 ? [] : a[0].map((_, j) => a.map((row) => row[j]));
}

/** Matrix product a * b. @throws DomainError `validation` on mismatched shapes. */
export function matMul(a: Matrix, b: Matrix): Matrix {
  if (a.length > 0 && a[0].length !== b.length) throw new DomainError('validation', 'matMul: shape mismatch');
  const cols = b.length === 0 ? 0 : b[0].length;
  return a.map((row) =>
    Array.from({ length: cols }, (_, j) => row.reduce((s, x, k) => s + x * b[k][j], 0)),
  );
}

/** Matrix-vector product a * v. */
export function matVec(a: Matrix, v: readonly number[]): number[] {
  return a.map((row) => row.reduce((s, x, k) => s + x * v[k], 0));
}

/**
 * Eigen-decomposition of a symmetric matrix by the cyclic Jacobi method: A = V diag(values) V'.
 * Accurate to rounding for the small (k <= ~50) correlation matrices of driver analysis.
 * @throws DomainError `validation` when the matrix is not square and symmetric.
 */
export function jacobiEigen(matrix: Matrix): Eigen {
  const n = matrix.length;
  const a = matrix.map((row) => {
    if (row.length !== n) throw new DomainError('validation', 'jacobiEigen: matrix must be square');
    return [...row];
  });
  const scale = Math.max(1e-300, ...a.flat().map(Math.abs));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(a[i][j] - a[j][i]) > 1e-9 * scale) throw new DomainError('validation', 'jacobiEigen: matrix must be symmetric');
    }
  }
  const v = identity(n);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p][q] ** 2;
    if (off <= (1e-17 * scale) ** 2) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (a[p][q] === 0) continue;
        const theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k][p];
          const akq = a[k][q];
          a[k][p] = c * akp - s * akq;
          a[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p][k];
          const aqk = a[q][k];
          a[p][k] = c * apk - s * aqk;
          a[q][k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j][j] - a[i][i]);
  return { values: order.map((i) => a[i][i]), vectors: v.map((row) => order.map((i) => row[i])) };
}

/**
 * Solve A x = b by Gaussian elimination with partial pivoting.
 * @throws DomainError `validation` when A is singular (pivot below 1e-12 relative).
 */
export function solveLinearSystem(a: Matrix, b: readonly number[]): number[] {
  const n = a.length;
  const m = a.map((row, i) => [...row, b[i]]);
  const scale = Math.max(1e-300, ...a.flat().map(Math.abs));
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12 * scale) throw new DomainError('validation', 'solveLinearSystem: singular matrix');
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      for (let k = col; k <= n; k++) m[r][k] -= f * m[col][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = m[i][n];
    for (let k = i + 1; k < n; k++) s -= m[i][k] * x[k];
    x[i] = s / m[i][i];
  }
  return x;
}

/**
 * Pearson correlation of two equally long series; null when either has zero variance or n < 2.
 */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2 || y.length !== n) return null;
  if (x.every((v) => v === x[0]) || y.every((v) => v === y[0])) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  if (sxx <= 0 || syy <= 0) return null;
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}
