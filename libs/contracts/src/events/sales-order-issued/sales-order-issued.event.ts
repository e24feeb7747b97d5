import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { DEPARTMENT_SERVICES } from '../../enums';
import { OrderSnapshotSchema } from '../sales-order-received/sales-order-received.event';

export const SalesOrderIssuedV1 = defineEvent(
  'sales.order.issued',
  1,
  z.object({
    orderId: z.uuid(),
    number: z.string(),
    issuedAt: z.iso.datetime({ offset: true }),
    signedBy: z.string(),
    documentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe('Fingerprint of the issued content: the verification code printed on the document.'),
    acknowledgeBy: z.iso
      .datetime({ offset: true })
      .describe("When each department's acknowledgement is due; a missing one is escalated after it."),
    order: OrderSnapshotSchema,
  }),
  {
    description:
      'The sales head signed the approved order and issued it (R4.2, R4.3): every executing department records ' +
      'the issued version and acknowledges receipt.',
    key: 'orderId',
    publishers: ['sales'],
    consumers: [...DEPARTMENT_SERVICES, 'sales'],
  },
);
export type SalesOrderIssued = z.infer<typeof SalesOrderIssuedV1.payload>;
