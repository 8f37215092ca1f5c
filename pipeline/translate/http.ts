// One JSON request to an engine, with a timeout per attempt and retries with backoff on 429, 5xx and
// network errors, honouring Retry-After (seconds or an HTTP date, capped). Node's fetch (undici).
// Errors never carry the API key: it is cut out of any text an engine sends back.

export interface HttpOptions {
  /** Per attempt, ms. */
  timeoutMs: number;
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff, ms; doubled each retry (Retry-After wins when the server sends one). */
  backoffMs: number;
  /** Longest wait honoured from a Retry-After, ms. */
  maxRetryAfterMs: number;
  /** Cut from any error text (the API key). */
  secret?: string;
  method?: 'GET' | 'POST';
  signal?: AbortSignal;
}

export const DEFAULT_HTTP: HttpOptions = { timeoutMs: 60_000, retries: 4, backoffMs: 1_000, maxRetryAfterMs: 120_000 };

export class EngineError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly attempts = 1,
  ) {
    super(message);
    this.name = 'EngineError';
  }
}

/** Retry-After as ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function retryable(status: number): boolean {
  return status === 429 || status === 408 || (status >= 500 && status <= 599);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

function redact(text: string, secret?: string): string {
  const t = text.replace(/\s+/g, ' ').slice(0, 300);
  return secret ? t.split(secret).join('***') : t;
}

/** POST (or GET) JSON and return the parsed answer; throws EngineError after the last attempt. */
export async function requestJson(url: string, headers: Record<string, string>, body: unknown, opts: HttpOptions): Promise<unknown> {
  let last: EngineError | undefined;
  for (let attempt = 1; attempt <= opts.retries + 1; attempt++) {
    let wait = opts.backoffMs * 2 ** (attempt - 1);
    try {
      const signals = [AbortSignal.timeout(opts.timeoutMs), ...(opts.signal ? [opts.signal] : [])];
      const res = await fetch(url, {
        method: opts.method ?? 'POST',
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.any(signals),
        redirect: 'error',
      });
      const text = await res.text();
      if (res.ok) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new EngineError(`the answer is not JSON: ${redact(text, opts.secret)}`, res.status, attempt);
        }
      }
      last = new EngineError(`HTTP ${res.status}${text ? `: ${redact(text, opts.secret)}` : ''}`, res.status, attempt);
      if (!retryable(res.status)) throw last;
      const ra = retryAfterMs(res.headers.get('retry-after'));
      if (ra !== undefined) wait = Math.min(ra, opts.maxRetryAfterMs);
    } catch (err) {
      if (err instanceof EngineError && (err.status === undefined || !retryable(err.status))) throw err;
      if (opts.signal?.aborted) throw new EngineError('stopped', undefined, attempt);
      if (!(err instanceof EngineError)) {
        const e = err as Error & { cause?: { code?: string } };
        const what = e.name === 'TimeoutError' ? `no answer within ${opts.timeoutMs / 1000} s` : `${e.cause?.code ?? e.message}`;
        last = new EngineError(redact(what, opts.secret), undefined, attempt);
      }
    }
    if (attempt <= opts.retries) await sleep(wait, opts.signal);
  }
  throw new EngineError(`${last?.message ?? 'failed'} (after ${opts.retries + 1} attempts)`, last?.status, opts.retries + 1);
}
