import type { OrderChannel, OrderStatus } from '@opm/contracts';
import type { Escalation, Order, SpecialRequirements } from './order.entity';
import type { PreliminaryReview } from './preliminary-review';

export interface OrderLineView {
  lineNo: number;
  productCode: string | null;
  productName: string | null;
  specification: string | null;
  quantity: number;
  unitPrice: string;
  amount: string;
}

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
    preliminaryReview: order.preliminaryReview,
    escalation: order.escalation,
    createdBy: order.createdBy,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
