import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { fromMilliUnits, toMilliUnits } from '@opm/contracts';
import type { Envelope, SalesOrderStatusChanged } from '@opm/contracts';
import { AuditLog } from '@opm/platform';
import type { OrderStatusHook, ReceivedOrder } from '@opm/workflow';
import { freeQuantity } from '../requirements/requirements-rules';
import { StockReservation, type ReservationSource } from './stock-reservation.entity';

/** A numeric(18,3) read as text ("80.000") -> thousandths. */
export const milliOf = (numeric: string | number): bigint => toMilliUnits(typeof numeric === 'number' ? numeric.toFixed(3) : numeric);
/** A numeric(18,3) read as text -> its shortest decimal ("80"). */
export const quantityText = (numeric: string): string => fromMilliUnits(milliOf(numeric));

export interface StockPosition {
  material: string;
  unit: string;
  onHand: bigint;
  /** Active reservations of every order but the one asking. */
  reservedByOthers: bigint;
  free: bigint;
}

/**
 * Free stock of these materials (R5.2): on hand minus the active reservations of every order but `forOrderId`. The one
 * query every reader of free stock uses: requirements (under the stock rows' locks), the review, the stock list.
 */
export async function stockPositions(m: EntityManager, materials: readonly string[] | null, forOrderId: string | null): Promise<Map<string, StockPosition>> {
  if (materials !== null && materials.length === 0) return new Map();
  const rows: { material: string; unit: string; onHand: string; reserved: string }[] = await m.query(
    `SELECT s.material, s.unit, s."onHand"::text AS "onHand",
            COALESCE((SELECT sum(r.quantity) FROM stock_reservation r
                      WHERE r.material = s.material AND r."releasedAt" IS NULL AND r."orderId" IS DISTINCT FROM $2), 0)::text AS reserved
       FROM stock_item s WHERE ($1::text[] IS NULL OR s.material = ANY($1))`,
    [materials === null ? null : [...materials], forOrderId],
  );
  return new Map(
    rows.map((r) => {
      const onHand = milliOf(r.onHand);
      const reservedByOthers = milliOf(r.reserved);
      return [r.material, { material: r.material, unit: r.unit, onHand, reservedByOthers, free: freeQuantity(onHand, reservedByOthers) }];
    }),
  );
}

/**
 * Stock reservations (R5.2): the one place free stock is computed (on hand minus active reservations) and stock is
 * taken or given back, so two orders never count the same stock. Writers lock the stock rows (in material order) first.
 */
@Injectable()
export class StockReservations {
  /** The stock rows of these materials, locked FOR UPDATE in material order, with what other orders hold. */
  async lockPositions(m: EntityManager, materials: readonly string[], forOrderId: string | null): Promise<Map<string, StockPosition>> {
    if (materials.length === 0) return new Map();
    await m.query(`SELECT material FROM stock_item WHERE material = ANY($1) ORDER BY material FOR UPDATE`, [[...materials]]);
    return this.positions(m, materials, forOrderId);
  }

  /** Stock positions without a lock (the review reads them: it reserves nothing). */
  positions(m: EntityManager, materials: readonly string[], forOrderId: string | null): Promise<Map<string, StockPosition>> {
    return stockPositions(m, materials, forOrderId);
  }

  async reserve(m: EntityManager, input: { orderId: string; material: string; quantity: bigint; source: ReservationSource; receiptId?: string | null; at: Date }): Promise<StockReservation | null> {
    if (input.quantity <= 0n) return null;
    const reservation = m.create(StockReservation, {
      id: randomUUID(),
      orderId: input.orderId,
      material: input.material,
      quantity: fromMilliUnits(input.quantity),
      source: input.source,
      receiptId: input.receiptId ?? null,
      reservedAt: input.at,
      releasedAt: null,
      releaseReason: null,
    });
    await m.insert(StockReservation, reservation);
    return reservation;
  }

  /** Accepted goods enter stock (the row locked first). */
  async addToStock(m: EntityManager, material: string, quantity: bigint): Promise<void> {
    await m.query(`SELECT material FROM stock_item WHERE material = $1 FOR UPDATE`, [material]);
    const updated: unknown[] = await m.query(`UPDATE stock_item SET "onHand" = "onHand" + $2::numeric, "updatedAt" = now() WHERE material = $1 RETURNING material`, [material, fromMilliUnits(quantity)]);
    if (updated.length === 0) {
      throw new Error(`material ${material} is not stocked: a contract line names a material without a stock item`);
    }
  }

  /** Every active reservation of the order released (a cancelled order's stock is free again). */
  async releaseOrder(m: EntityManager, orderId: string, reason: string, at = new Date()): Promise<StockReservation[]> {
    const active = await m.find(StockReservation, { where: { orderId, releasedAt: IsNull() }, order: { material: 'ASC' } });
    if (active.length === 0) return [];
    await m.query(`SELECT material FROM stock_item WHERE material = ANY($1) ORDER BY material FOR UPDATE`, [[...new Set(active.map((r) => r.material))]]);
    await m.update(StockReservation, { orderId, releasedAt: IsNull() }, { releasedAt: at, releaseReason: reason });
    return active;
  }

  async ofOrder(m: EntityManager, orderId: string): Promise<StockReservation[]> {
    return m.find(StockReservation, { where: { orderId }, order: { reservedAt: 'ASC', material: 'ASC', id: 'ASC' } });
  }
}

/** Purchasing keeps the order's status (OrderStatusCopyModule): a CANCELLED order's reservations are released (R5.2). */
@Injectable()
export class ReleaseReservationsOnCancel implements OrderStatusHook {
  constructor(
    private readonly reservations: StockReservations,
    private readonly audit: AuditLog,
  ) {}

  async afterStatusChanged(m: EntityManager, order: ReceivedOrder, event: Envelope<SalesOrderStatusChanged>): Promise<void> {
    if (order.status !== 'CANCELLED') return;
    const released = await this.reservations.releaseOrder(m, order.orderId, `order ${order.number} cancelled`, new Date(event.occurredAt));
    if (released.length === 0) return;
    await this.audit.record(m, {
      action: 'reservations.released',
      entityType: 'order',
      entityId: order.orderId,
      orderId: order.orderId,
      reason: `order ${order.number} cancelled`,
      before: released.map((r) => ({ material: r.material, quantity: quantityText(r.quantity), source: r.source })),
    });
  }
}
