import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const FinanceSettlementRejectedV1 = defineEvent(
  'finance.settlement.rejected',
  1,
  z.object({
    orderId: z.uuid(),
    settlementId: z.uuid(),
    revision: z.number().int().positive().describe('the submission rejected'),
    comment: z.string().describe("the finance head's reason, shown to sales on the list"),
    rejectedBy: z.string(),
    rejectedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'The finance head rejected a settlement list (R7.2): sales gets it back as DRAFT with the comment.',
    key: 'orderId',
    publishers: ['finance'],
    consumers: ['sales'],
  },
);
export type FinanceSettlementRejected = z.infer<typeof FinanceSettlementRejectedV1.payload>;
