/**
 * @module Worker-thread entry (node:worker_threads) that trains a sentiment model with the pure core
 * (src/core/nlp trainFromTexts, synchronous, seconds of CPU), so the server's event loop keeps answering.
 * In: workerData { examples: LabelledText[] }. Out: one message { json, quality } (the model file as text).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { modelToJson, trainFromTexts, type LabelledText } from '../../core/nlp/index.ts';

const { examples } = workerData as { examples: LabelledText[] };
const { model, quality } = trainFromTexts(examples);
parentPort!.postMessage({ json: JSON.stringify(modelToJson(model, quality)), quality });
