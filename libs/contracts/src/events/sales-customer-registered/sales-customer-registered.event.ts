import { z } from 'zod';
import { defineEvent } from '../../event-definition';

export const SalesCustomerRegisteredV1 = defineEvent(
  'sales.customer.registered',
  1,
  z.object({
    customerId: z.uuid(),
    name: z.string().min(1),
    contactPerson: z.string().min(1),
    phone: z.string().min(1),
    email: z.string().nullable(),
    address: z.string().nullable(),
  }),
  {
    description: "Sales registered a customer (sales owns contacts); finance opens the customer's credit account from it.",
    key: 'customerId',
    publishers: ['sales'],
    consumers: ['finance'],
  },
);
export type SalesCustomerRegistered = z.infer<typeof SalesCustomerRegisteredV1.payload>;
