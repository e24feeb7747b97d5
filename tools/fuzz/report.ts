import type { FuzzRequest } from './generators';

export interface ServerError {
  request: FuzzRequest;
  status: number;
  answer: string;
}

export interface HalfWritten {
  request: FuzzRequest;
  status: number;
  list: string;
  before: number;
  after: number;
}

/** Requests sent per operation, by class of answer. */
export class FuzzTally {
  private readonly rows = new Map<string, { sent: number; '2xx': number; '3xx': number; '4xx': number; '5xx': number }>();

  count(operation: string, status: number): void {
    const row = this.rows.get(operation) ?? { sent: 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 };
    row.sent += 1;
    const cls = status >= 500 ? '5xx' : status >= 400 ? '4xx' : status >= 300 ? '3xx' : '2xx';
    row[cls] += 1;
    this.rows.set(operation, row);
  }

  get sent(): number {
    return [...this.rows.values()].reduce((n, r) => n + r.sent, 0);
  }

  get serverErrors(): number {
    return [...this.rows.values()].reduce((n, r) => n + r['5xx'], 0);
  }

  get operations(): number {
    return this.rows.size;
  }

  /** One line per operation: `sent 2xx 3xx 4xx 5xx operationId`, widest operation first in name order. */
  table(): string {
    const lines = [...this.rows.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([op, r]) => `${String(r.sent).padStart(5)} ${String(r['2xx']).padStart(5)} ${String(r['3xx']).padStart(5)} ${String(r['4xx']).padStart(5)} ${String(r['5xx']).padStart(5)}  ${op}`);
    return [' sent   2xx   3xx   4xx   5xx  operation', ...lines, `${String(this.sent).padStart(5)} requests, ${this.operations} operations, ${this.serverErrors} answered 5xx`].join('\n');
  }
}

/** Fields whose values name things a later request can point at (path parameters of the same name). */
const POOLED_FIELDS = new Set(['id', 'orderId', 'code', 'productCode', 'bomRef', 'customerId', 'leadId', 'material', 'step', 'department']);
const POOL_LIMIT = 50;

/** Keeps the ids and codes found in a JSON answer, by field name, the newest first. */
export function collectValues(text: string, pool: Map<string, string[]>): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  const visit = (v: unknown, depth: number): void => {
    if (depth > 6 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.slice(0, 20).forEach((x) => visit(x, depth + 1));
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (POOLED_FIELDS.has(k) && typeof x === 'string' && x.length > 0 && x.length <= 100) {
        const seen = pool.get(k) ?? [];
        if (!seen.includes(x)) pool.set(k, [x, ...seen].slice(0, POOL_LIMIT));
      } else visit(x, depth + 1);
    }
  };
  visit(value, 0);
}

/** How a request is printed next to a 5xx: enough to send it again with curl. */
export function describeRequest(req: FuzzRequest): string {
  const body = req.body === undefined ? '' : ` body ${req.body.length > 300 ? `${req.body.slice(0, 300)}... (${req.body.length} chars)` : req.body}`;
  const path = req.path.length > 300 ? `${req.path.slice(0, 300)}... (${req.path.length} chars)` : req.path;
  return `${req.method} ${path} as ${req.user ?? 'anonymous'} [${req.mutation}]${body}`;
}
