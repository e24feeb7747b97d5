import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { CANCELLING_DEPARTMENTS } from '../sales-order-cancellation-approved/sales-order-cancellation-approved.event';

export const OrderCancellationConfirmedV1 = defineEvent(
  'order.cancellation.confirmed',
  1,
  z.object({
    orderId: z.uuid(),
    requestId: z.uuid(),
    department: z.enum(CANCELLING_DEPARTMENTS),
    outcome: z.enum(['DONE', 'CANNOT_COMPLY']).describe('CANNOT_COMPLY: the department cannot undo its part (goods already shipped)'),
    detail: z.string().describe('what the department did, or why it cannot'),
    confirmedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: "A department carried out its part of an approved cancellation (R8.5, R8.6), or answers that it cannot.",
    key: 'orderId',
    publishers: ['production', 'purchasing', 'logistics', 'finance'],
    consumers: ['sales'],
  },
);
export type OrderCancellationConfirmed = z.infer<typeof OrderCancellationConfirmedV1.payload>;
