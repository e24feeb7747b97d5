import { z } from 'zod';
import { Envelope, EnvelopeSchema } from './envelope';

/** One event type at one version: its topic, and the schema its payload is validated against on consume. */
export interface EventDefinition<P> {
  readonly type: string;
  readonly version: number;
  /** `<owner>.<entity>.<fact>.v<N>`; the message key is always the order id. */
  readonly topic: string;
  readonly payload: z.ZodType<P, unknown>;
}

export function defineEvent<S extends z.ZodType>(type: string, version: number, payload: S): EventDefinition<z.infer<S>> {
  return { type, version, topic: `${type}.v${version}`, payload: payload as z.ZodType<z.infer<S>, unknown> };
}

export type PayloadOf<D> = D extends EventDefinition<infer P> ? P : never;

export const DEAD_LETTER_SUFFIX = '.dlq';
export const deadLetterTopic = (topic: string): string => `${topic}${DEAD_LETTER_SUFFIX}`;

export type ParseResult<P> = { ok: true; envelope: Envelope<P> } | { ok: false; error: string };

/** Validates an incoming message (already JSON-decoded) against the envelope and the event's payload schema. */
export function parseEvent<P>(definition: EventDefinition<P>, value: unknown): ParseResult<P> {
  const envelope = EnvelopeSchema.safeParse(value);
  if (!envelope.success) return { ok: false, error: `envelope: ${z.prettifyError(envelope.error)}` };
  if (envelope.data.type !== definition.type || envelope.data.version !== definition.version) {
    return {
      ok: false,
      error: `expected ${definition.type} v${definition.version}, got ${envelope.data.type} v${envelope.data.version}`,
    };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) return { ok: false, error: `payload: ${z.prettifyError(payload.error)}` };
  return { ok: true, envelope: { ...envelope.data, payload: payload.data } };
}
