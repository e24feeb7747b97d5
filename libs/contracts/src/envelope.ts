import { z } from 'zod';
import { DEPARTMENTS, ROLES } from './enums';

/** Who caused an event: a person (username, department, role) or a service acting on its own. */
export const ActorSchema = z
  .object({
    username: z.string().min(1).describe('The person, or `system:<service>` when a service acted on its own.'),
    department: z.enum(DEPARTMENTS).optional(),
    role: z.enum(ROLES).optional(),
  })
  .describe('Who caused the event: a person (username, department, role) or a service acting on its own.');
export type Actor = z.infer<typeof ActorSchema>;

/** The envelope every event travels in (ARCHITECTURE.md "Events"); the payload sits beside it. */
export const EnvelopeSchema = z.object({
  eventId: z.uuid().describe('Unique per event: consumers skip one they have handled already (inbox).'),
  type: z.string().min(1).describe('The event type, `<owner>.<entity>.<fact>`.'),
  version: z.number().int().positive().describe("The payload schema's version; the topic ends in `.v<version>`."),
  occurredAt: z.iso.datetime({ offset: true }).describe('When the event was written, in the transaction of its state change (ISO 8601 with offset).'),
  orderId: z
    .uuid()
    .nullable()
    .describe('The order the event is about; null for master data (customers, products), keyed by their own id.'),
  correlationId: z.string().min(1).describe('The request that started it all (its `x-correlation-id`), passed on to every event that follows from it.'),
  causationId: z
    .string()
    .min(1)
    .nullable()
    .describe('The eventId of the event whose handling caused this one; null when it did not follow from an event.'),
  actor: ActorSchema,
  payload: z.unknown().describe("The event's own data, validated against its schema on consume."),
});
export type EnvelopeHeader = Omit<z.infer<typeof EnvelopeSchema>, 'payload'>;
export type Envelope<P = unknown> = EnvelopeHeader & { payload: P };
