import type { EventDefinition } from '@opm/contracts';
import { OUTBOX_SEQ_HEADER } from '@opm/platform';

/**
 * What decides an entry's place among its order's entries (R6.2 "in the order the facts happened per order, not by
 * arrival or wall clock across machines"):
 * - one publisher's facts in the order it wrote them: its outbox seq (the `x-outbox-seq` header), which covers every
 *   topic it writes, where Kafka keeps only each topic's own order (the three events sales writes when it records an
 *   order go out on three topics, and may reach the ledger in any order);
 * - a fact after the fact that caused it (the envelope's causationId: production's plan after sales' issue).
 * Facts neither relation orders (two departments acting independently) keep the order sales took them in; no clock
 * of another machine is compared.
 */
export interface OrderingKey {
  seq: number;
  eventId: string;
  publisher: string;
  /** The publisher's outbox seq; null when the message carried none (then only causation places it). */
  publisherSeq: string | null;
  causationId: string | null;
}

/** Whether `a` must come before `b`. */
export function happenedBefore(a: Omit<OrderingKey, 'seq'>, b: Omit<OrderingKey, 'seq'>): boolean {
  if (b.causationId !== null && b.causationId === a.eventId) return true;
  return a.publisher === b.publisher && a.publisherSeq !== null && b.publisherSeq !== null && BigInt(a.publisherSeq) < BigInt(b.publisherSeq);
}

/**
 * The seq a new entry takes among the order's entries: before the first entry it happened before (those from there
 * on move down by one), otherwise after the last.
 */
export function ledgerPosition(existing: readonly OrderingKey[], incoming: Omit<OrderingKey, 'seq'>): number {
  const successors = existing.filter((e) => happenedBefore(incoming, e)).map((e) => e.seq);
  if (successors.length > 0) return Math.min(...successors);
  return existing.reduce((max, e) => Math.max(max, e.seq), 0) + 1;
}

/** The service that published an event: the topic's owner, or for the shared topics the department in the payload. */
export function publisherOf(definition: EventDefinition<unknown>, payload: unknown): string {
  const owner = definition.type.split('.')[0];
  const p = payload as { department?: string };
  if (definition.type.startsWith('review.task.')) return p.department === 'TECHNICAL' ? 'production' : String(p.department).toLowerCase();
  if (definition.type === 'order.issue.acknowledged') return String(p.department);
  return owner;
}

/** The `x-outbox-seq` header as a decimal string, or null (a message from before the header, or produced by hand). */
export function outboxSeqOf(headers: Record<string, unknown> | undefined): string | null {
  const raw = headers?.[OUTBOX_SEQ_HEADER];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const text = value == null ? null : Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  return text !== null && /^\d{1,19}$/.test(text) ? text : null;
}
