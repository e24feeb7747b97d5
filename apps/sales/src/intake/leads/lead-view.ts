import { z } from 'zod';
import { apiView, ViewOf } from '@opm/platform';
import { Lead, LEAD_SOURCES, LEAD_STATUSES } from './lead.entity';

/** A lead as marketing and sales see it (R2.1): one definition, the type and the OpenAPI component. */
export const LeadViewDef = apiView(
  'Lead',
  z.object({
    id: z.uuid(),
    source: z.enum(LEAD_SOURCES),
    campaign: z.string().nullable(),
    companyName: z.string(),
    contactPerson: z.string(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    interest: z.string(),
    /** CONVERTED once sales has recorded an order from it (`convertedOrderId`). */
    status: z.enum(LEAD_STATUSES),
    customerId: z.uuid().nullable(),
    convertedOrderId: z.uuid().nullable(),
    createdBy: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
  }),
);
export type LeadView = ViewOf<typeof LeadViewDef>;

/** Every column, in the entity's order, as the API has always sent it. */
export function toLeadView(lead: Lead): LeadView {
  return {
    id: lead.id,
    source: lead.source,
    campaign: lead.campaign,
    companyName: lead.companyName,
    contactPerson: lead.contactPerson,
    phone: lead.phone,
    email: lead.email,
    interest: lead.interest,
    status: lead.status,
    customerId: lead.customerId,
    convertedOrderId: lead.convertedOrderId,
    createdBy: lead.createdBy,
    version: lead.version,
    createdAt: lead.createdAt.toISOString(),
  };
}
