/**
 * @module Text-analytics worker modules of this folder run in node:worker_threads workers (pure core work
 * of seconds of CPU: training, theme discovery), so the server's event loop keeps answering. From the
 * TypeScript sources (tests, `sarafan` without a build) the worker registers tsx first, as bin/sarafan.js does.
 */
import { Worker } from 'node:worker_threads';

/** Starts `./<name>.ts|js` with `workerData`. */
export function startTextWorker(name: 'trainWorker' | 'suggestWorker', workerData?: unknown): Worker {
  const fromSources = import.meta.url.endsWith('.ts');
  const url = new URL(`./${name}.${fromSources ? 'ts' : 'js'}`, import.meta.url);
  return fromSources
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData })
    : new Worker(url, { workerData });
}

/** Runs a one-shot worker with `workerData` and resolves with the first message it posts. */
export function runTextWorker<T>(name: 'trainWorker', workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = startTextWorker(name, workerData);
    let answered = false;
    worker.once('message', (m: T) => {
      answered = true;
      resolve(m);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`${name} exited with code ${code}`));
    });
  });
}
