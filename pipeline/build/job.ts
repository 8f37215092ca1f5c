// One source's build job (placeholder until the stages are wired in).
import type { SharedInputs } from './inputs.js';
import type { JobTask } from './job-types.js';
import type { WireResult } from './pool.js';

export interface JobContext {
  shared: SharedInputs;
}

export async function createJobContext(shared: SharedInputs): Promise<JobContext> {
  return { shared };
}

export async function runJobWire(task: JobTask, _ctx: JobContext): Promise<WireResult> {
  return {
    slug: task.files.slug,
    status: 'failed',
    files: [],
    terms: [],
    needsTranslation: 0,
    dropped: [],
    diagnostics: [{ rule: 'build:not-ready', reason: 'the build stages are not wired in yet', severity: 'error' }],
  };
}
