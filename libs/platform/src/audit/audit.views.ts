import { z } from 'zod';
import { ActorSchema } from '@opm/contracts';
import { apiView, type ViewOf } from '../http/api-docs';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** One entry of a service's audit trail (N4): who did what, when and why, with before and after, hash-chained. */
export const AuditEntryView = apiView(
  'AuditEntry',
  z.object({
    id: z.uuid(),
    seq: z.number().int().positive().describe("position in this service's chain"),
    occurredAt: z.iso.datetime({ offset: true }),
    service: z.string().describe('the service whose trail holds the entry'),
    actor: ActorSchema.describe('the person, or `system:<service>` when the service acted on its own'),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    orderId: z.uuid().nullable(),
    reason: z.string().nullable().describe('the comment, reason or decision text the actor gave'),
    before: z.unknown().describe('the entity before the change (any JSON value); null on creation'),
    after: z.unknown().describe('the entity after the change (any JSON value)'),
    correlationId: z.string().nullable(),
    prevHash: Sha256Hex.describe('the hash of the entry before it (64 zeros for the first)'),
    hash: Sha256Hex,
  }),
);
export type AuditEntry = ViewOf<typeof AuditEntryView>;

/** `GET /audit/orders/{orderId}`: this service's entries for one order, in chain order. */
export const AuditEntryListView = apiView('AuditEntryList', z.object({ items: z.array(AuditEntryView.schema) }));
export type AuditEntryList = ViewOf<typeof AuditEntryListView>;

/** `GET /audit/verify`: the whole chain checked (every link and its content), and its end against the newest signed checkpoint. */
export const AuditVerificationView = apiView(
  'AuditVerification',
  z.object({
    service: z.string(),
    ok: z.boolean().describe('no problem found: every sealed entry matches, none is missing, the end is where the newest checkpoint says'),
    entries: z.number().int().nonnegative().describe('sealed entries checked'),
    unsealed: z.number().int().nonnegative().describe('entries committed while verifying, not chained yet (the sealer chains them within moments)'),
    head: z.object({ seq: z.number().int().positive(), hash: Sha256Hex }).nullable().describe("the chain's last entry"),
    checkpoint: z
      .object({ seq: z.number().int().positive(), hash: Sha256Hex, sealedAt: z.iso.datetime({ offset: true }) })
      .nullable()
      .describe('the newest checkpoint whose signature holds: the chain must reach it with that hash'),
    firstBroken: z
      .object({
        seq: z.number().int().positive(),
        id: z.uuid(),
        problem: z.string().describe('`content altered`, `does not follow the entry before it (removed or reordered)`, or what was deleted before it'),
      })
      .nullable()
      .describe('the first entry that does not match; null when none does (an end cut off shows in `problems`)'),
    problems: z
      .array(
        z.object({
          kind: z.enum(['edited', 'deleted', 'reordered', 'truncated', 'checkpoint']),
          seq: z.number().int().positive().describe('the position it is at (the first missing one for a deletion)'),
          id: z.uuid().nullable().describe('the entry found there; null when it is gone'),
          problem: z.string(),
        }),
      )
      .describe('every problem found, in chain order (at most 100)'),
  }),
);
export type ChainVerification = ViewOf<typeof AuditVerificationView>;
