/**
 * A worker thread of the pool (pool.ts): checks the files it is sent, one at a time, and answers
 * with each outcome. Nothing of a document outlives its answer.
 */
import { parentPort } from 'node:worker_threads';
import { checkOne } from './check-one.js';
import type { WorkerTask } from './pool.js';

export function serveWorker(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (task: WorkerTask) => {
    void checkOne(task.file, task.options, task.thresholds).then((outcome) => port.postMessage({ id: task.id, outcome }));
  });
}
