/** @module Survey statistics (METRICS.md "Survey metrics" and "Key drivers"): pure functions of score histograms. */
export * from './histogram.ts';
export * from './boxes.ts';
export * from './result.ts';
export * from './distributions.ts';
export * from './share.ts';
export * from './mean.ts';
export * from './nps.ts';
export * from './csat.ts';
export * from './ces.ts';
export * from './csi.ts';
export * from './fisher.ts';
export * from './compare.ts';
export * from './linalg.ts';
export * from './drivers.ts';
export * from './correlation.ts';
