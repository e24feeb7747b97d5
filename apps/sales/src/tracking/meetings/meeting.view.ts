import { z } from 'zod';
import { DEPARTMENTS } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';

export const MeetingView = apiView(
  'TrackingMeeting',
  z.object({
    id: z.uuid(),
    title: z.string(),
    orderIds: z.array(z.uuid()).nullable().describe('null: every tracked order'),
    agenda: z.array(
      z.object({
        orderId: z.uuid(),
        number: z.string(),
        department: z.string(),
        kind: z.string(),
        summary: z.string(),
        dueAt: z.iso.datetime({ offset: true }).nullable(),
        overdue: z.boolean(),
        ref: z.object({ type: z.string(), id: z.string() }),
      }),
    ),
    minutes: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    minutesBy: z.string().nullable(),
    minutesAt: z.iso.datetime({ offset: true }).nullable(),
    actions: z.array(
      z.object({
        id: z.uuid(),
        orderId: z.uuid().nullable(),
        department: z.enum(DEPARTMENTS),
        description: z.string(),
        dueAt: z.iso.datetime({ offset: true }),
        status: z.enum(['OPEN', 'DONE']),
        overdue: z.boolean().describe('open and past its due time'),
        doneAt: z.iso.datetime({ offset: true }).nullable(),
        doneBy: z.string().nullable(),
      }),
    ),
  }),
);
export type MeetingView = ViewOf<typeof MeetingView>;
