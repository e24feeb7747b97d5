import { z } from 'zod';
import {
  CurrencySchema,
  MoneySchema,
  ORDER_CHANNELS,
  ORDER_STATUSES,
  OrderLineSchema,
  OrderSnapshot,
  OrderSnapshotSchema,
  SpecialRequirementsSchema,
} from '@opm/contracts';
import { apiView, ViewOf } from '@opm/platform';
import { EscalationSchema, PendingChangeSchema, PreliminaryReviewSchema } from './order-records';
import type { Order } from './order.entity';

/** A line as clients and events see it. */
export type OrderLineView = z.infer<typeof OrderLineSchema>;

/** The sales part of an order as clients see it (API.md "Shapes"): one definition, the type and the OpenAPI component. */
export const OrderViewDef = apiView(
  'Order',
  z.object({
    id: z.uuid(),
    number: OrderSnapshotSchema.shape.number,
    status: z.enum(ORDER_STATUSES),
    /** If-Match of the next write (R1.1). */
    version: z.number().int().describe('the version to send as If-Match with the next write'),
    channel: z.enum(ORDER_CHANNELS),
    leadId: z.uuid().nullable(),
    customerId: z.uuid(),
    contactPerson: z.string().nullable(),
    contactPhone: z.string().nullable(),
    orderDate: z.iso.date(),
    deliveryDate: z.iso.date().nullable(),
    deliveryPlace: z.string().nullable(),
    paymentTerms: z.string().nullable(),
    currency: CurrencySchema,
    /** The sum of the lines, exact (N3). */
    totalAmount: MoneySchema,
    lines: z.array(OrderLineSchema),
    specialRequirements: SpecialRequirementsSchema,
    complex: z.boolean(),
    preliminaryReview: PreliminaryReviewSchema.nullable(),
    escalation: EscalationSchema.nullable(),
    pendingChange: PendingChangeSchema.nullable().describe('the open change or cancellation request (R8.3); while set, other changes are refused with 409'),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  }),
);
export type OrderView = ViewOf<typeof OrderViewDef>;

export function toOrderView(order: Order): OrderView {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    version: order.version,
    channel: order.channel,
    leadId: order.leadId,
    customerId: order.customerId,
    contactPerson: order.contactPerson,
    contactPhone: order.contactPhone,
    orderDate: order.orderDate,
    deliveryDate: order.deliveryDate,
    deliveryPlace: order.deliveryPlace,
    paymentTerms: order.paymentTerms,
    currency: order.currency,
    totalAmount: order.totalAmount,
    lines: [...order.lines]
      .sort((a, b) => a.lineNo - b.lineNo)
      .map(({ lineNo, productCode, productName, specification, quantity, unitPrice, amount }) => ({
        lineNo,
        productCode,
        productName,
        specification,
        quantity,
        unitPrice,
        amount,
      })),
    specialRequirements: order.specialRequirements,
    complex: order.complex,
    preliminaryReview: order.preliminaryReview,
    escalation: order.escalation,
    pendingChange: order.pendingChange ?? null,
    createdBy: order.createdBy,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}

/** The order as events carry it to the departments (received, review requested). */
export function orderSnapshot(view: OrderView): OrderSnapshot {
  return {
    orderId: view.id,
    number: view.number,
    channel: view.channel,
    customerId: view.customerId,
    orderDate: view.orderDate,
    deliveryDate: view.deliveryDate,
    deliveryPlace: view.deliveryPlace,
    paymentTerms: view.paymentTerms,
    currency: view.currency,
    totalAmount: view.totalAmount,
    lines: view.lines,
    specialRequirements: view.specialRequirements,
  };
}
