import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { DEPARTMENT_SERVICES } from '../../enums';
import { CurrencySchema, MoneySchema } from '../../money';
import { OrderLineSchema, SpecialRequirementsSchema } from '../sales-order-received/sales-order-received.event';

export const SalesOrderDetailsChangedV1 = defineEvent(
  'sales.order.details-changed',
  1,
  z.object({
    orderId: z.uuid(),
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
    deliveryDate: z.iso.date().nullable(),
    deliveryPlace: z.string().nullable(),
    paymentTerms: z.string().nullable(),
    specialRequirements: SpecialRequirementsSchema,
    currency: CurrencySchema,
    totalAmount: MoneySchema,
    lines: z.array(OrderLineSchema).min(1),
  }),
  {
    description:
      "Sales completed or corrected an order's details (R2.5), or revised it after a failed review (R3.7): every " +
      "department updates its copy.",
    key: 'orderId',
    publishers: ['sales'],
    consumers: [...DEPARTMENT_SERVICES, 'sales'],
  },
);
export type SalesOrderDetailsChanged = z.infer<typeof SalesOrderDetailsChangedV1.payload>;
