import type { OrderChannel, OrderLine, OrderSnapshot, OrderStatus, SpecialRequirements } from '@opm/contracts';
import type { Escalation, PreliminaryReview } from './order-records';
import type { Order } from './order.entity';

/** A line as clients and events see it. */
export type OrderLineView = OrderLine;

/** The sales part of an order as clients see it (API.md "Shapes"). */
export interface OrderView {
  id: string;
  number: string;
  status: OrderStatus;
  version: number;
  channel: OrderChannel;
  leadId: string | null;
  customerId: string;
  contactPerson: string | null;
  contactPhone: string | null;
  orderDate: string;
  deliveryDate: string | null;
  deliveryPlace: string | null;
  paymentTerms: string | null;
  currency: string;
  totalAmount: string;
  lines: OrderLineView[];
  specialRequirements: SpecialRequirements;
  complex: boolean;
  preliminaryReview: PreliminaryReview | null;
  escalation: Escalation | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

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
