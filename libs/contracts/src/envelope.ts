import { z } from 'zod';
import { DEPARTMENTS, ROLES } from './enums';

/** Who caused an event: a person (username, department, role) or a service acting on its own. */
export const ActorSchema = z.object({
  username: z.string().min(1),
  department: z.enum(DEPARTMENTS).optional(),
  role: z.enum(ROLES).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

/** The envelope every event travels in (ARCHITECTURE.md "Events"); the payload sits beside it. */
export const EnvelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The order the event is about; null for master data (customers, products), keyed by their own id. */
  orderId: z.uuid().nullable(),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).nullable(),
  actor: ActorSchema,
  payload: z.unknown(),
});
export type EnvelopeHeader = Omit<z.infer<typeof EnvelopeSchema>, 'payload'>;
export type Envelope<P = unknown> = EnvelopeHeader & { payload: P };
