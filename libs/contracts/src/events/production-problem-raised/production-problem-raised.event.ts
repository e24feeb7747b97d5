import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { PROBLEM_SEVERITIES, PRODUCTION_PROBLEM_KINDS } from '../../production-execution';

export const ProductionProblemRaisedV1 = defineEvent(
  'production.problem.raised',
  1,
  z.object({
    orderId: z.uuid(),
    planId: z.uuid(),
    problemId: z.uuid(),
    kind: z.enum(PRODUCTION_PROBLEM_KINDS),
    severity: z.enum(PROBLEM_SEVERITIES).describe('A MAJOR problem is escalated at once (R6.5); any open problem blocks completion.'),
    description: z.string(),
    raisedBy: z.string(),
    raisedAt: z.iso.datetime({ offset: true }),
  }),
  {
    description: 'Production recorded a problem with an order\'s plan (R5.1): equipment failure, staff shortage, late material, technical, other.',
    key: 'orderId',
    publishers: ['production'],
    consumers: ['sales'],
  },
);
export type ProductionProblemRaised = z.infer<typeof ProductionProblemRaisedV1.payload>;
