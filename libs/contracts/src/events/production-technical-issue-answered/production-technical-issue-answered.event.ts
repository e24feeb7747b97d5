import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const ProductionTechnicalIssueAnsweredV1 = defineEvent(
  'production.technical-issue.answered',
  1,
  z.object({
    orderId: z.uuid(),
    issueId: z.uuid(),
    answer: z.string(),
    answeredBy: z.string(),
    answeredAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: "The technical department (production's engineering module) answered a technical issue of an order (R5.4).",
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionTechnicalIssueAnswered = z.infer<typeof ProductionTechnicalIssueAnsweredV1.payload>;
