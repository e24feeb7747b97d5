import { z } from 'zod';
import { CurrencySchema, MoneySchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';

/** One date on which a work centre has other hours than its daily figure (holiday, maintenance, extra shift). */
export const CalendarExceptionSchema = z.object({
  date: z.iso.date(),
  hours: z.number().nonnegative().describe('hours available on that date (0 on a holiday)'),
  reason: z.string().nullable(),
});
export type CalendarExceptionView = z.infer<typeof CalendarExceptionSchema>;

/** A work centre and its capacity calendar (R3.3), as sales and the reviewers read it. */
export const WorkCentreView = apiView(
  'WorkCentre',
  z.object({
    code: z.string(),
    name: z.string(),
    hoursPerDay: z.number().nonnegative().describe('hours available on a normal day'),
    staff: z.number().int().nonnegative().describe('the crew a production task on this centre is given per shift (R5.1)'),
    equipment: z.array(z.string()).describe('the machines and rigs a production task on this centre uses (R5.1)'),
    labourRatePerHour: MoneySchema.describe('labour cost of an hour worked on this centre (R5.6)'),
    overheadRatePerHour: MoneySchema.describe('overhead charged per hour worked on this centre (R5.6)'),
    rateCurrency: CurrencySchema,
    calendarExceptions: z.array(CalendarExceptionSchema).describe('dates whose available hours differ from hoursPerDay, in date order'),
  }),
);
export type WorkCentreView = ViewOf<typeof WorkCentreView>;
