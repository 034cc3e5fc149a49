/** Small deterministic PRNG for randomized tests, so failures reproduce from the seed: the product's mulberry32. */
export { mulberry32 as rng } from '../../src/core/surveys/displayOrder.ts';
