import { z } from 'zod';
import { fromMinorUnits, toMinorUnits } from './money';

/** A purchase contract's statuses (API.md "Execution", R5.2). */
export const CONTRACT_STATUSES = ['DRAFT', 'SIGNED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** A receipt of goods against a contract waits for quality's incoming inspection (R5.2, R5.3). */
export const RECEIPT_STATUSES = ['AWAITING_INSPECTION', 'ACCEPTED', 'REJECTED'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

export const RECEIPT_INSPECTION_RESULTS = ['ACCEPTED', 'REJECTED'] as const;
export type ReceiptInspectionResult = (typeof RECEIPT_INSPECTION_RESULTS)[number];

/** What happens to rejected goods: sent back, or replaced by the supplier. */
export const RECEIPT_DISPOSITIONS = ['RETURN', 'EXCHANGE'] as const;
export type ReceiptDisposition = (typeof RECEIPT_DISPOSITIONS)[number];

/**
 * A material quantity in its stock unit (pcs, kg, m): a decimal string with up to 3 fraction digits, exact as
 * purchasing stores it (numeric(18,3)); never a float.
 */
export const MaterialQuantitySchema = z
  .string()
  .regex(/^\d{1,15}(\.\d{1,3})?$/, 'a decimal quantity with at most 3 decimals')
  .describe('A material quantity in its stock unit, as a decimal string with up to 3 fraction digits ("12.5").');

/** "12.5" -> 12500n (thousandths). */
export function toMilliUnits(quantity: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,3}))?$/.exec(quantity);
  if (!match) throw new Error(`not a material quantity: ${JSON.stringify(quantity)}`);
  return BigInt(match[1]) * 1000n + BigInt((match[2] ?? '').padEnd(3, '0'));
}

/** 12500n -> "12.5" (trailing zeros dropped). */
export function fromMilliUnits(milli: bigint): string {
  const whole = milli / 1000n;
  const fraction = (milli % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

/**
 * The value of a material quantity at a unit price, in money (2 decimals): quantity x price rounded half up to the
 * cent, computed exactly. The one rule purchasing (contract lines, receipts) and finance (actual material cost)
 * both use, so their figures agree to the cent.
 */
export function materialAmount(quantity: string, unitPrice: string): string {
  const product = toMilliUnits(quantity) * toMinorUnits(unitPrice);
  const negative = product < 0n;
  const abs = negative ? -product : product;
  const rounded = (abs + 500n) / 1000n;
  return fromMinorUnits(negative ? -rounded : rounded);
}
