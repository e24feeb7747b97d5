import { z } from 'zod';
import { CONTRACT_STATUSES, CurrencySchema, fromMilliUnits, MaterialQuantitySchema, MoneySchema, RECEIPT_DISPOSITIONS } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { GoodsReceipt } from '../receipts/goods-receipt.entity';
import { GoodsReceiptView, toReceiptView } from '../receipts/receipt.view';
import { quantityPositions } from './contract-rules';
import type { PurchaseContract } from './purchase-contract.entity';

export const PurchaseContractView = apiView(
  'PurchaseContract',
  z.object({
    id: z.uuid(),
    number: z.string().describe('PC-yyyy-nnnnnn'),
    orderId: z.uuid(),
    supplierId: z.string(),
    supplierName: z.string(),
    status: z.enum(CONTRACT_STATUSES),
    version: z.number().int().nonnegative().describe('the If-Match version'),
    currency: CurrencySchema,
    lines: z.array(
      z.object({
        lineNo: z.number().int().positive(),
        materialCode: z.string(),
        quantity: MaterialQuantitySchema,
        unitPrice: MoneySchema,
        amount: MoneySchema.describe('quantity x unit price, to the cent'),
        accepted: MaterialQuantitySchema.describe('accepted by incoming inspection'),
        awaitingInspection: MaterialQuantitySchema,
        open: MaterialQuantitySchema.describe('ordered - accepted - awaiting inspection: what may still be received'),
      }),
    ),
    totalAmount: MoneySchema,
    deliveryDate: z.iso.date().describe('as last agreed (after any delays)'),
    originalDeliveryDate: z.iso.date(),
    cancellationTerms: z.object({ restockingFeePercent: z.string() }).nullable(),
    cancellation: z
      .object({ action: z.enum(['CANCEL', 'RETURN', 'KEEP']), restockingFee: z.string(), goodsKept: z.string(), terms: z.string(), reason: z.string(), cancelledAt: z.iso.datetime({ offset: true }) })
      .nullable()
      .describe("how the order's cancellation was carried out on this contract (R8.5); null otherwise"),
    delays: z.array(z.object({ previousDeliveryDate: z.iso.date(), newDeliveryDate: z.iso.date(), reason: z.string(), reportedBy: z.string(), reportedAt: z.iso.datetime({ offset: true }) })),
    overdue: z.boolean().describe('escalated as past its (current) delivery date and not fully received'),
    supplierProblems: z
      .array(z.object({ receiptId: z.uuid(), disposition: z.enum(RECEIPT_DISPOSITIONS), lines: z.array(z.object({ materialCode: z.string(), quantity: MaterialQuantitySchema })), note: z.string().nullable(), recordedAt: z.iso.datetime({ offset: true }) }))
      .describe('rejected deliveries and what the supplier does about them (R5.2)'),
    receipts: z.array(GoodsReceiptView.schema),
    createdBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    signedBy: z.string().nullable(),
    signedAt: z.iso.datetime({ offset: true }).nullable(),
  }),
);
export type PurchaseContractView = ViewOf<typeof PurchaseContractView>;

/** numeric text as PostgreSQL returns it ("15.00") -> "15", "2.50" -> "2.5". */
const decimalText = (numeric: string): string => (numeric.includes('.') ? numeric.replace(/\.?0+$/, '') : numeric);

export function toContractView(c: PurchaseContract, receipts: readonly GoodsReceipt[]): PurchaseContractView {
  const positions = quantityPositions(c.lines, receipts);
  // Several lines of one material share its position: the first line carries it.
  const shown = new Set<string>();
  return {
    id: c.id,
    number: c.number,
    orderId: c.orderId,
    supplierId: c.supplierId,
    supplierName: c.supplierName,
    status: c.status,
    version: c.version,
    currency: c.currency,
    lines: c.lines.map((l) => {
      const p = positions.get(l.materialCode);
      const first = !shown.has(l.materialCode);
      shown.add(l.materialCode);
      const q = (v: bigint | undefined) => fromMilliUnits(first && v !== undefined ? v : 0n);
      return { lineNo: l.lineNo, materialCode: l.materialCode, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount, accepted: q(p?.accepted), awaitingInspection: q(p?.awaiting), open: q(p?.open) };
    }),
    totalAmount: c.totalAmount,
    deliveryDate: c.deliveryDate,
    originalDeliveryDate: c.originalDeliveryDate,
    cancellationTerms: c.restockingFeePercent === null ? null : { restockingFeePercent: decimalText(c.restockingFeePercent) },
    cancellation: c.cancellation ?? null,
    delays: c.delays,
    overdue: c.escalatedAt !== null,
    supplierProblems: receipts
      .filter((r) => r.status === 'REJECTED' && r.disposition !== null)
      .map((r) => ({ receiptId: r.id, disposition: r.disposition as NonNullable<GoodsReceipt['disposition']>, lines: r.lines, note: r.note, recordedAt: (r.inspectedAt ?? r.receivedAt).toISOString() })),
    receipts: receipts.map(toReceiptView),
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    signedBy: c.signedBy,
    signedAt: c.signedAt?.toISOString() ?? null,
  };
}
