import { z } from 'zod';
import { apiView, type ViewOf } from '@opm/platform';

const at = z.iso.datetime({ offset: true });

export const TechnicalIssueView = apiView(
  'TechnicalIssue',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    question: z.string(),
    status: z.enum(['OPEN', 'ANSWERED']),
    raisedBy: z.string(),
    raisedByDepartment: z.string(),
    raisedAt: at,
    answer: z.string().nullable(),
    answeredBy: z.string().nullable(),
    answeredAt: at.nullable(),
  }),
);
export type TechnicalIssueView = ViewOf<typeof TechnicalIssueView>;
