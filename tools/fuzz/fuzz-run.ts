import { request as httpRequest } from 'node:http';
import { FuzzRequest, nthRequest } from './generators';
import { listCounterpart, Operation, operationsOf } from './operations';
import { collectValues, FuzzTally, HalfWritten, ServerError } from './report';

export interface FuzzOptions {
  /** The gateway's base URL (`http://127.0.0.1:3000`). */
  gateway: string;
  password: string;
  users: readonly string[];
  requests: number;
  seconds: number;
  seed: number;
  /** Services whose operations the merged document must hold before the run starts (it waits up to a minute). */
  services?: readonly string[];
  log?: (line: string) => void;
}

export interface FuzzResult {
  tally: FuzzTally;
  serverErrors: ServerError[];
  halfWritten: HalfWritten[];
  operations: number;
  seconds: number;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One raw HTTP request (node:http, so odd methods and malformed paths go out as written). */
export function send(base: string, method: string, path: string, headers: Record<string, string>, body?: string, timeoutMs = 15_000): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: { ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers },
        timeout: timeoutMs,
        // A fresh connection each time: a request the server refuses at the socket must not break the next one.
        agent: false,
      },
      (res) => {
        // An event stream (the monitoring stream) never ends: its status and headers are the answer, then it is let go.
        if (String(res.headers['content-type'] ?? '').startsWith('text/event-stream')) {
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '' });
          req.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer in ${timeoutMs} ms`)));
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

async function login(gateway: string, username: string, password: string): Promise<string> {
  const res = await send(gateway, 'POST', '/api/v1/auth/token', {}, JSON.stringify({ username, password }));
  if (res.status !== 200) throw new Error(`login as ${username} answered ${res.status}: ${res.text.slice(0, 200)}`);
  return (JSON.parse(res.text) as { accessToken: string }).accessToken;
}

/**
 * The operations of the gateway's merged document, once it holds every expected service's (operationIds carry
 * the service's name): right after start-up the gateway may not have fetched them all yet.
 */
async function mergedOperations(gateway: string, services: readonly string[], log: (line: string) => void, timeoutMs = 60_000): Promise<Operation[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await send(gateway, 'GET', '/api/docs-json', {});
    if (answer.status !== 200) throw new Error(`GET /api/docs-json answered ${answer.status}`);
    const operations = operationsOf(JSON.parse(answer.text));
    const missing = services.filter((s) => !operations.some((o) => o.id.startsWith(`${s}_`)));
    if (missing.length === 0) return operations;
    if (Date.now() > deadline) {
      log(`fuzz: the merged document still lacks ${missing.join(', ')}; fuzzing what it has`);
      return operations;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The total a list operation reports, read as a user who may read it (null when nobody may). */
async function totalOf(gateway: string, list: Operation, tokens: ReadonlyMap<string, string>, reader: Map<string, string | null>): Promise<number | null> {
  const known = reader.get(list.path);
  const candidates = known === undefined ? [...tokens.keys()] : known === null ? [] : [known];
  for (const user of candidates) {
    const res = await send(gateway, 'GET', `${list.path}?page=1&pageSize=1`, { authorization: `Bearer ${tokens.get(user)}` });
    if (res.status === 200) {
      reader.set(list.path, user);
      return (JSON.parse(res.text) as { total: number }).total;
    }
  }
  reader.set(list.path, null);
  return null;
}

/**
 * Runs the fuzzer against a running stack: reads the gateway's merged OpenAPI document, logs in as every demo
 * user, then sends up to `requests` requests (or stops after `seconds`), operations in turn. Every 5xx is kept
 * with the request that caused it; a refused create (4xx) whose list counts one more row afterwards is
 * "half-written".
 */
export async function runFuzz(options: FuzzOptions): Promise<FuzzResult> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const operations = await mergedOperations(options.gateway, options.services ?? [], log);
  const tokens = new Map<string, string>();
  for (const user of options.users) tokens.set(user, await login(options.gateway, user, options.password));
  log(`fuzz: ${operations.length} operations, ${tokens.size} users, up to ${options.requests} requests or ${options.seconds} s, seed ${options.seed}`);

  const tally = new FuzzTally();
  const serverErrors: ServerError[] = [];
  const halfWritten: HalfWritten[] = [];
  const pool = new Map<string, string[]>();
  const reader = new Map<string, string | null>();
  const deadline = started + options.seconds * 1000;

  for (let n = 0; n < options.requests && Date.now() < deadline; n += 1) {
    const req: FuzzRequest = nthRequest(operations, n, options.seed, { users: [...tokens.keys()], pool });
    const op = operations[n % operations.length];
    const headers = { ...(req.user ? { authorization: `Bearer ${tokens.get(req.user)}` } : {}), ...req.headers };
    const list = req.method === 'POST' && req.mutation !== 'valid' ? listCounterpart(op, operations) : undefined;
    const before = list ? await totalOf(options.gateway, list, tokens, reader) : null;
    let answer: Answer;
    try {
      answer = await send(options.gateway, req.method, req.path, headers, req.body);
    } catch (err) {
      // The connection was dropped or never answered: as bad as a 5xx for a client.
      answer = { status: 599, headers: {}, text: `no answer: ${(err as Error).message}` };
    }
    tally.count(req.operation, answer.status);
    if (answer.status >= 500) {
      serverErrors.push({ request: req, status: answer.status, answer: answer.text.slice(0, 300) });
      log(`5xx ${answer.status} ${req.method} ${req.path.slice(0, 160)} as ${req.user ?? 'anonymous'} (${req.mutation}): ${answer.text.slice(0, 200)}`);
    }
    if (answer.status >= 200 && answer.status < 300) collectValues(answer.text, pool);
    if (list && before !== null && answer.status >= 400 && answer.status < 500) {
      const after = await totalOf(options.gateway, list, tokens, reader);
      if (after !== null && after > before) {
        halfWritten.push({ request: req, status: answer.status, list: list.path, before, after });
        log(`half-written: ${req.method} ${req.path} answered ${answer.status} but ${list.path} went from ${before} to ${after} (${req.mutation})`);
      }
    }
  }
  return { tally, serverErrors, halfWritten, operations: operations.length, seconds: (Date.now() - started) / 1000 };
}
