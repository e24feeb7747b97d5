import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const ProductionProblemResolvedV1 = defineEvent(
  'production.problem.resolved',
  1,
  z.object({
    orderId: z.uuid(),
    planId: z.uuid(),
    problemId: z.uuid(),
    resolution: z.string(),
    resolvedBy: z.string(),
    resolvedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'Production resolved a problem of an order\'s plan, saying how (R5.1, R6.2).',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionProblemResolved = z.infer<typeof ProductionProblemResolvedV1.payload>;
