import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { DEPARTMENT_SERVICES } from '../../enums';

export const OrderIssueAcknowledgedV1 = defineEvent(
  'order.issue.acknowledged',
  1,
  z.object({
    orderId: z.uuid(),
    department: z.enum(DEPARTMENT_SERVICES),
    documentHash: z.string().regex(/^[0-9a-f]{64}$/),
    acknowledgedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'An executing department recorded the issued order (R4.3): sales shows who has acknowledged.',
    key: 'orderId',
    publishers: DEPARTMENT_SERVICES,
    consumers: ['sales'],
  },
);
export type OrderIssueAcknowledged = z.infer<typeof OrderIssueAcknowledgedV1.payload>;
