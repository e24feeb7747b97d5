import { z } from 'zod';
import { defineEvent } from '../../event-definition';
import { DEPARTMENT_SERVICES, ORDER_CHANNELS } from '../../enums';
import { CurrencySchema, MoneySchema } from '../../money';

export const OrderLineSchema = z.object({
  lineNo: z.number().int().positive(),
  productCode: z.string().nullable(),
  productName: z.string().nullable(),
  specification: z.string().nullable(),
  quantity: z.number().int().positive(),
  unitPrice: MoneySchema,
  amount: MoneySchema,
});

export const SpecialRequirementsSchema = z.object({
  customization: z.string().nullable(),
  packaging: z.string().nullable(),
  transportMode: z.string().nullable(),
  other: z.string().nullable(),
});

export const OrderSnapshotSchema = z
  .object({
    orderId: z.uuid(),
    number: z.string().regex(/^SO-\d{4}-\d{6}$/),
    channel: z.enum(ORDER_CHANNELS),
    customerId: z.uuid(),
    orderDate: z.iso.date(),
    deliveryDate: z.iso.date().nullable(),
    deliveryPlace: z.string().nullable(),
    paymentTerms: z.string().nullable(),
    currency: CurrencySchema,
    totalAmount: MoneySchema,
    lines: z.array(OrderLineSchema).min(1),
    specialRequirements: SpecialRequirementsSchema,
  })
  .describe('The order as sales records it: what departments copy (R1.3) and what reviewers assess (R3.7).');
export type OrderSnapshot = z.infer<typeof OrderSnapshotSchema>;
export type OrderLine = z.infer<typeof OrderLineSchema>;
export type SpecialRequirements = z.infer<typeof SpecialRequirementsSchema>;

export const SalesOrderReceivedV1 = defineEvent('sales.order.received', 1, OrderSnapshotSchema, {
  description: 'Sales recorded an order (R2.1, R2.2): every department keeps its own copy from this event.',
  key: 'orderId',
  publishers: ['sales'],
  consumers: [...DEPARTMENT_SERVICES, 'sales'],
});
export type SalesOrderReceived = z.infer<typeof SalesOrderReceivedV1.payload>;
