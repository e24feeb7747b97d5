import { z } from 'zod';
import { DEPARTMENT_SERVICES, ORDER_STATUSES } from '@opm/contracts';
import { apiView, ViewOf } from '@opm/platform';
import { CONFIRMATION_CHANNELS } from './dto/customer-confirmation.dto';
import type { CustomerConfirmation, IssueAcknowledgement, Issuance } from './issuance.entity';

const DocumentHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** Who signed and when, the verification code, and which departments have acknowledged the issued order (R4.2, R4.3). */
const IssuanceShape = {
  signedBy: z.string(),
  signedAt: z.iso.datetime({ offset: true }),
  /** The verification code printed on the order (SHA-256 of its content). */
  documentHash: DocumentHashSchema.describe('the verification code printed on the order'),
  /** By when every executing department should have acknowledged. */
  acknowledgeBy: z.iso.datetime({ offset: true }),
  acknowledgements: z.array(
    z.object({
      department: z.enum(DEPARTMENT_SERVICES),
      acknowledgedAt: z.iso.datetime({ offset: true }),
      /** The version the department recorded; equals `documentHash`. */
      documentHash: DocumentHashSchema,
    }),
  ),
  missingAcknowledgements: z.array(z.enum(DEPARTMENT_SERVICES)),
  /** Some are missing past `acknowledgeBy`. */
  acknowledgementsOverdue: z.boolean(),
  /** When the missing acknowledgements were escalated to the sales head (once). */
  escalatedAt: z.iso.datetime({ offset: true }).nullable(),
};

export const IssuanceViewDef = apiView('Issuance', z.object(IssuanceShape));
export type IssuanceView = ViewOf<typeof IssuanceViewDef>;

/** POST /orders/{id}/issue: the order's status (ISSUED) and its issuance. */
export const IssuedOrderDef = apiView('IssuedOrder', z.object({ status: z.enum(ORDER_STATUSES), ...IssuanceShape }));
export type IssuedOrderView = ViewOf<typeof IssuedOrderDef>;

/** Does a presented code (typed in, or read from a PDF) match the issued version? (R4.3) */
export const DocumentVerificationDef = apiView(
  'DocumentVerification',
  z.object({
    matches: z.boolean(),
    presentedCode: z.string(),
    issuedCode: DocumentHashSchema,
    orderNumber: z.string(),
    signedBy: z.string(),
    signedAt: z.iso.datetime({ offset: true }),
  }),
);
export type DocumentVerificationView = ViewOf<typeof DocumentVerificationDef>;

/** The customer's confirmation of the issued order and the delivery date told (R4.4). */
export const CustomerConfirmationViewDef = apiView(
  'CustomerConfirmation',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    confirmedBy: z.string(),
    channel: z.enum(CONFIRMATION_CHANNELS),
    confirmedAt: z.iso.datetime({ offset: true }),
    expectedDeliveryDate: z.iso.date(),
    note: z.string().nullable(),
    recordedBy: z.string().nullable(),
    /** Where the order was e-mailed; null when it was not. */
    emailedTo: z.string().nullable(),
    emailMessageId: z.string().nullable(),
    progress: z.string().nullable().describe('the execution progress told to the customer, from the real state (R4.4)'),
    createdAt: z.iso.datetime({ offset: true }),
  }),
);
export type CustomerConfirmationView = ViewOf<typeof CustomerConfirmationViewDef>;

/** GET /orders/{id}/customer-confirmations: oldest first. */
export const CustomerConfirmationsDef = apiView('CustomerConfirmations', z.object({ items: z.array(CustomerConfirmationViewDef.schema) }));
export type CustomerConfirmationsView = ViewOf<typeof CustomerConfirmationsDef>;

export function toIssuanceView(issuance: Issuance, acks: readonly IssueAcknowledgement[], now: Date): IssuanceView {
  const missing = DEPARTMENT_SERVICES.filter((d) => !acks.some((a) => a.department === d));
  return {
    signedBy: issuance.signedBy,
    signedAt: issuance.signedAt.toISOString(),
    documentHash: issuance.documentHash,
    acknowledgeBy: issuance.acknowledgeBy.toISOString(),
    acknowledgements: acks.map((a) => ({ department: a.department, acknowledgedAt: a.acknowledgedAt.toISOString(), documentHash: a.documentHash })),
    missingAcknowledgements: missing,
    acknowledgementsOverdue: missing.length > 0 && issuance.acknowledgeBy < now,
    escalatedAt: issuance.escalatedAt?.toISOString() ?? null,
  };
}

export const toCustomerConfirmationView = (c: CustomerConfirmation): CustomerConfirmationView => ({
  id: c.id,
  orderId: c.orderId,
  confirmedBy: c.confirmedBy,
  channel: c.channel,
  confirmedAt: c.confirmedAt.toISOString(),
  expectedDeliveryDate: c.expectedDeliveryDate,
  note: c.note,
  recordedBy: c.recordedBy,
  emailedTo: c.emailedTo,
  emailMessageId: c.emailMessageId,
  progress: c.progress,
  createdAt: c.createdAt.toISOString(),
});
