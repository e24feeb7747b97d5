import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const ProductionTechnicalIssueRaisedV1 = defineEvent(
  'production.technical-issue.raised',
  1,
  z.object({
    orderId: z.uuid(),
    issueId: z.uuid(),
    question: z.string(),
    raisedBy: z.string(),
    raisedByDepartment: z.string(),
    raisedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'Someone working on an order asked the technical department a question (R5.4).',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionTechnicalIssueRaised = z.infer<typeof ProductionTechnicalIssueRaisedV1.payload>;
