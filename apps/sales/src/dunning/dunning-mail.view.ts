import { z } from 'zod';
import { DUNNED_LEVELS } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import { DUNNING_MAIL_STATUSES } from './dunning-mail.entity';

export const DunningMailsView = apiView(
  'DunningMails',
  z.object({
    items: z.array(
      z.object({
        invoiceId: z.uuid(),
        invoiceNumber: z.string(),
        level: z.enum(DUNNED_LEVELS),
        daysOverdue: z.number().int(),
        dunnedAt: z.iso.datetime({ offset: true }),
        status: z.enum(DUNNING_MAIL_STATUSES).describe('PENDING: to be (re)tried; MAILED; NO_SMTP: no SMTP_URL, not mailed; NO_ADDRESS: the customer has no e-mail address'),
        mailedTo: z.string().nullable(),
        mailedAt: z.iso.datetime({ offset: true }).nullable(),
        attempts: z.number().int(),
        lastError: z.string().nullable().describe('the last SMTP failure while PENDING'),
      }),
    ),
  }),
);
export type DunningMailsView = ViewOf<typeof DunningMailsView>;
