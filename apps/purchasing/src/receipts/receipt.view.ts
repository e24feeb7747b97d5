import { z } from 'zod';
import { MaterialQuantitySchema, RECEIPT_DISPOSITIONS, RECEIPT_STATUSES } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { GoodsReceipt } from './goods-receipt.entity';

export const GoodsReceiptView = apiView(
  'GoodsReceipt',
  z.object({
    id: z.uuid(),
    contractId: z.uuid(),
    orderId: z.uuid(),
    lines: z.array(z.object({ materialCode: z.string(), quantity: MaterialQuantitySchema })),
    status: z.enum(RECEIPT_STATUSES),
    disposition: z.enum(RECEIPT_DISPOSITIONS).nullable().describe('rejected goods: returned to or exchanged by the supplier'),
    note: z.string().nullable(),
    receivedBy: z.string(),
    receivedAt: z.iso.datetime({ offset: true }),
    inspectedBy: z.string().nullable().describe('quality staff who inspected the goods'),
    inspectedAt: z.iso.datetime({ offset: true }).nullable(),
  }),
);
export type GoodsReceiptView = ViewOf<typeof GoodsReceiptView>;

export const toReceiptView = (r: GoodsReceipt): GoodsReceiptView => ({
  id: r.id,
  contractId: r.contractId,
  orderId: r.orderId,
  lines: r.lines,
  status: r.status,
  disposition: r.disposition,
  note: r.note,
  receivedBy: r.receivedBy,
  receivedAt: r.receivedAt.toISOString(),
  inspectedBy: r.inspectedBy,
  inspectedAt: r.inspectedAt?.toISOString() ?? null,
});
