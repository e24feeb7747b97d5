/** A dispute on an invoice (R7.3): opened, possibly handed to legal, resolved with a resolution. */
export const DISPUTE_STATUSES = ['OPEN', 'ESCALATED', 'RESOLVED'] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];
export type DisputeAction = 'escalate' | 'resolve';

const ALLOWED: Record<DisputeStatus, DisputeAction[]> = {
  OPEN: ['escalate', 'resolve'],
  ESCALATED: ['resolve'],
  RESOLVED: [],
};

export const disputeAllows = (status: DisputeStatus, action: DisputeAction): boolean => ALLOWED[status].includes(action);

/** Whether a dispute keeps its invoice DISPUTED (and out of dunning): until it is resolved, escalated or not. */
export const disputeIsOpen = (status: DisputeStatus): boolean => status !== 'RESOLVED';

/** Why an invoice cannot be disputed now, or null: paid or void invoices are not, nor one already under dispute. */
export function disputeRefusal(invoiceStatus: string, openDisputes: number): string | null {
  if (invoiceStatus === 'PAID' || invoiceStatus === 'VOID') return `the invoice is ${invoiceStatus}: there is nothing to dispute`;
  if (openDisputes > 0) return 'the invoice is already under dispute';
  return null;
}
