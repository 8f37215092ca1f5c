// A pool worker: loads the shared inputs once, then builds one source per task.
import { workerData } from 'node:worker_threads';
import { createJobContext, runJobWire, type JobContext } from './job.js';
import type { JobTask } from './job-types.js';
import type { SharedInputs } from './inputs.js';

let ctx: Promise<JobContext> | undefined;

export default async function run(task: JobTask) {
  ctx ??= createJobContext(workerData as SharedInputs);
  return runJobWire(task, await ctx);
}
