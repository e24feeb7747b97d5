import { BadRequestException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { multiplyMoney, SalesOrderDetailsChanged, SpecialRequirements, sumMoney } from '@opm/contracts';
import type { CreateOrderDto, SpecialRequirementsDto } from './dto/create-order.dto';
import type { UpdateOrderDto } from './dto/update-order.dto';
import { OrderLine } from './order-line.entity';
import { toOrderView } from './order-view';
import type { Order } from './order.entity';

/** Special requirements as stored: every flag present, null when not asked for (R2.3). */
export function specialRequirementsOf(sr: SpecialRequirementsDto | null | undefined): SpecialRequirements {
  return { customization: sr?.customization ?? null, packaging: sr?.packaging ?? null, transportMode: sr?.transportMode ?? null, other: sr?.other ?? null };
}

/** The fields a change names; none is a 400. */
export function changedFields(changes: object, detail: string): string[] {
  const fields = Object.entries(changes)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  if (fields.length === 0) throw new BadRequestException({ detail, errors: [{ field: 'body', message: 'no field to change' }] });
  return fields;
}

/** The order details that supplying information (R2.5) and revising (R3.7) may change. */
export function applyDetails(order: Order, changes: UpdateOrderDto): void {
  if (changes.contactPerson !== undefined) order.contactPerson = changes.contactPerson;
  if (changes.contactPhone !== undefined) order.contactPhone = changes.contactPhone;
  if (changes.deliveryDate !== undefined) order.deliveryDate = changes.deliveryDate;
  if (changes.deliveryPlace !== undefined) order.deliveryPlace = changes.deliveryPlace;
  if (changes.paymentTerms !== undefined) order.paymentTerms = changes.paymentTerms;
  if (changes.specialRequirements !== undefined) order.specialRequirements = specialRequirementsOf(changes.specialRequirements);
}

/** Lines with exact amounts (bigint minor units), numbered from 1 (R2.2); the total is their sum. */
export function buildLines(m: EntityManager, orderId: string, lines: CreateOrderDto['lines']): OrderLine[] {
  return lines.map((l, i) =>
    m.create(OrderLine, {
      orderId,
      lineNo: i + 1,
      productCode: l.productCode ?? null,
      productName: l.productName ?? null,
      specification: l.specification ?? null,
      quantity: l.quantity,
      unitPrice: sumMoney([l.unitPrice]),
      amount: multiplyMoney(l.unitPrice, l.quantity),
    }),
  );
}

/** Replaces the order's lines and recomputes its total (R3.7 revise). */
export async function replaceLines(m: EntityManager, order: Order, lines: CreateOrderDto['lines']): Promise<void> {
  await m.delete(OrderLine, { orderId: order.id });
  order.lines = buildLines(m, order.id, lines);
  await m.insert(OrderLine, order.lines);
  order.totalAmount = sumMoney(order.lines.map((l) => l.amount));
}

/** What the departments' copies need to follow a change of details (R1.3). */
export function detailsChanged(order: Order): SalesOrderDetailsChanged {
  const view = toOrderView(order);
  return {
    orderId: order.id,
    contactPerson: view.contactPerson,
    contactPhone: view.contactPhone,
    deliveryDate: view.deliveryDate,
    deliveryPlace: view.deliveryPlace,
    paymentTerms: view.paymentTerms,
    specialRequirements: view.specialRequirements,
    currency: view.currency,
    totalAmount: view.totalAmount,
    lines: view.lines,
  };
}
