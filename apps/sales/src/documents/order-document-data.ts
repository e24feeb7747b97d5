import type { OrderLine, SpecialRequirements } from '@opm/contracts';

/* What the printable order (R4.3) shows, and how it is printed. */

/** A line as the order carries it; money as decimal strings (N3). */
export type OrderDocumentLine = OrderLine;

export interface OrderDocumentCustomer {
  name: string;
  contactPerson: string | null;
  phone: string | null;
  address: string | null;
}

export type OrderDocumentSpecialRequirements = SpecialRequirements;

export interface OrderDocumentApproval {
  /** An approval step (SALES_HEAD, DIVISION_LEADER, FINANCE) or any other label. */
  step: string;
  /** APPROVED, REJECTED, PENDING, SKIPPED, CANCELLED or any other label. */
  status: string;
  decidedBy: string | null;
  /** ISO-8601 timestamp. */
  decidedAt: string | null;
  comment: string | null;
}

export interface OrderDocumentSignature {
  signedBy: string;
  /** ISO-8601 timestamp. */
  signedAt: string;
}

export interface OrderDocumentData {
  orderId: string;
  orderNumber: string;
  /** Printed, but not part of the fingerprint (a status moves on after issuance; the content does not). */
  status: string;
  /** ISO date (YYYY-MM-DD) or timestamp. */
  issueDate: string;
  customer: OrderDocumentCustomer;
  lines: readonly OrderDocumentLine[];
  currency: string;
  totalAmount: string;
  deliveryDate: string | null;
  deliveryPlace: string | null;
  paymentTerms: string | null;
  specialRequirements: OrderDocumentSpecialRequirements;
  approvals: readonly OrderDocumentApproval[];
  /** The order's version when a change made it more than 1 (R8.3): printed, and part of the fingerprint. */
  version?: number;
  /** null: a draft, printed with a "DRAFT — not issued" watermark and without the seal. */
  signature: OrderDocumentSignature | null;
  /** documentFingerprint(data), computed by the caller; printed in the footer and the info dictionary. */
  verificationCode: string;
}

export interface OrderDocumentOptions {
  companyName: string;
  companyNameZh?: string;
  /** A TTF/OTF/TTC with CJK glyphs to use instead of the packaged Noto Sans Hans (regular and bold). */
  fontPath?: string;
  /** The face to take from a .ttc collection given as fontPath, e.g. 'NotoSansCJKsc-Regular'. */
  fontFamily?: string;
  /** The seal's bottom line; default 订单专用章 (order seal). */
  sealLabel?: string;
  /** IANA time zone for printed timestamps; default UTC. */
  timeZone?: string;
}
