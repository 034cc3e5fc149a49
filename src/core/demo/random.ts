/**
 * @module Seeded pseudo-random numbers for the demo and the benchmark. Pure: the same seed always
 * yields the same data, so tests can pin behaviour without hard-coding outputs.
 */

/** A source of uniform numbers in [0, 1) plus the helpers the generators need. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max] inclusive. */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element, uniformly. */
  pick<T>(items: readonly T[]): T;
  /** One key of `weights`, with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** Normally distributed (Box-Muller). */
  normal(mean?: number, sd?: number): number;
  /** A UUID-shaped string (version 4 layout) drawn from this generator. */
  uuid(): string;
}

/** mulberry32: tiny, fast and good enough for synthetic data (not for secrets). */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const hex = (n: number) => Math.floor(next() * 16 ** n).toString(16).padStart(n, '0');
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    weighted(weights) {
      const keys = Object.keys(weights) as (keyof typeof weights)[];
      let total = 0;
      for (const k of keys) total += weights[k];
      let r = next() * total;
      for (const k of keys) {
        r -= weights[k];
        if (r < 0) return k;
      }
      return keys[keys.length - 1];
    },
    normal(mean = 0, sd = 1) {
      const u = 1 - next(); // (0, 1], so log() stays finite
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    uuid: () =>
      `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + Math.floor(next() * 4)).toString(16)}${hex(3)}-${hex(6)}${hex(6)}`,
  };
}

/** Derives an independent seed for a sub-stream (chunk i of a large generation). */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ Math.imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** Maps a latent value to a score on min..max: a logistic curve, so high means give J-shaped NPS-like data. */
export function scoreFromLatent(latent: number, min: number, max: number): number {
  const p = 1 / (1 + Math.exp(-latent));
  return Math.min(max, Math.max(min, Math.round(min + (max - min) * p)));
}
