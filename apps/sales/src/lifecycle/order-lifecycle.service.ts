import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FieldChange, OrderStatus, SalesOrderDetailsChangedV1, SalesOrderReceivedV1, SalesOrderStatusChangedV1 } from '@opm/contracts';
import { detailsChanged } from './order-details';
import { assertVersion, AuditLog, Outbox, requestContext } from '@opm/platform';
import { nextStatus, OrderAction } from './order-state-machine';
import { orderSnapshot, toOrderView } from './order-view';
import { Order } from './order.entity';
import { OrderRepository } from './order.repository';

/** What a stage is told when an order enters a status it reacts to; it runs in the same transaction. */
export interface OrderEntered {
  /** Locked by this transaction, saved in its new status. */
  order: Order;
  /** null when the order was just recorded. */
  from: OrderStatus | null;
  to: OrderStatus;
  action: OrderAction | null;
  reason: string | null;
  actor: string | null;
  at: Date;
}

export type OrderEnteredListener = (m: EntityManager, entered: OrderEntered) => Promise<void>;
/** A condition a stage sets on an action (issuing needs a complete approval chain); it throws the refusal. */
export type OrderActionGuard = (m: EntityManager, order: Order) => Promise<void>;

/** What a stage is told when an applied change (R8.3) gave the order a new version; in the same transaction. */
export interface OrderChanged {
  /** Locked by this transaction, saved with the change. */
  order: Order;
  /** The order's document version: 1 as issued, one more per applied change. */
  documentVersion: number;
  requestId: string;
  changes: FieldChange[];
  actor: string | null;
  at: Date;
}
export type OrderChangedListener = (m: EntityManager, changed: OrderChanged) => Promise<void>;

/** A change of the order that does not move it: the semantic lock of a change request, or an applied change (R8.3). */
export interface AmendRequest {
  audit: string;
  reason?: string | null;
  /** Applied to the locked order before saving; throwing aborts. */
  change: (order: Order, m: EntityManager) => void | Promise<void>;
  /** The stage's own rows and events, after the save and before the audit entry. */
  effects?: (order: Order, m: EntityManager) => Promise<void>;
  /**
   * Set when the order's details changed as a new version: the departments' copies are told
   * (`sales.order.details-changed`) and the stages registered with `onChanged` react (issuance re-issues the document).
   */
  newVersion?: Omit<OrderChanged, 'order' | 'actor' | 'at'>;
}

export interface TransitionRequest {
  action: OrderAction;
  /** The version the client last saw (If-Match); omitted: not checked. */
  ifMatch?: number;
  /** The audit entry's action, e.g. `order.issued`. */
  audit: string;
  /** The actor's reason, or what the system decided (kept in the audit entry and the status event). */
  reason?: string | null;
  /** Applied to the locked order once the move is allowed, before saving; throwing aborts the whole move. */
  change?: (order: Order, m: EntityManager) => void | Promise<void>;
  /** The stage's own rows and events written with the move, after the save and before the audit entry. */
  effects?: (order: Order, m: EntityManager) => Promise<void>;
  /** Facts for the audit entry beside the order as it is after the move (a report, a document hash). */
  detail?: (order: Order) => Record<string, unknown>;
}

/**
 * The one way an order moves (R1.1): lock -> If-Match -> state machine -> change -> save -> outbox events ->
 * audit entry, once, inside the caller's transaction; then the stages that registered for the new status react
 * in the same transaction (a review round opens when the order enters UNDER_REVIEW). The core never calls a
 * stage by name: stages register with `onEnter` when their module starts.
 */
@Injectable()
export class OrderLifecycle {
  private readonly listeners = new Map<OrderStatus, OrderEnteredListener[]>();
  private readonly guards = new Map<OrderAction, OrderActionGuard[]>();
  private readonly changedListeners: OrderChangedListener[] = [];

  constructor(
    private readonly orders: OrderRepository,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  /** A stage reacts whenever an order enters `status`, in the transaction that moved it. */
  onEnter(status: OrderStatus, listener: OrderEnteredListener): void {
    this.listeners.set(status, [...(this.listeners.get(status) ?? []), listener]);
  }

  /** A stage's condition on an action, checked once the state machine allows it and before anything changes. */
  guard(action: OrderAction, guard: OrderActionGuard): void {
    this.guards.set(action, [...(this.guards.get(action) ?? []), guard]);
  }

  /** A stage reacts whenever an applied change gives the order a new version (R8.3), in that transaction. */
  onChanged(listener: OrderChangedListener): void {
    this.changedListeners.push(listener);
  }

  /**
   * Changes the order without moving it (R8.3): lock -> change -> save -> (a new version: details-changed for the
   * departments' copies) -> the stage's effects -> audit entry -> the `onChanged` stages, in the caller's transaction.
   */
  async amend(m: EntityManager, orderId: string, req: AmendRequest): Promise<Order> {
    const order = await this.orders.lock(m, orderId);
    const before = toOrderView(order);
    await req.change(order, m);
    await m.save(order);
    const amended = await this.orders.load(m, orderId);
    if (req.newVersion) await this.outbox.publish(m, SalesOrderDetailsChangedV1, { orderId }, detailsChanged(amended));
    await req.effects?.(amended, m);
    const reason = req.reason ?? null;
    await this.audit.record(m, { action: req.audit, entityType: 'order', entityId: orderId, orderId, reason, before, after: toOrderView(amended) });
    if (req.newVersion) {
      for (const listener of this.changedListeners) await listener(m, { ...req.newVersion, order: amended, actor: actor(), at: new Date() });
    }
    return this.orders.load(m, orderId);
  }

  /** Records a new order in RECEIVED (R2.2): saved, announced to every department, audited, then intake reacts. */
  async create(m: EntityManager, order: Order): Promise<Order> {
    if (order.status !== 'RECEIVED') throw new Error(`a new order starts in RECEIVED, not ${order.status}`);
    await m.save(order);
    const saved = await this.orders.load(m, order.id);
    const view = toOrderView(saved);
    await this.outbox.publish(m, SalesOrderReceivedV1, { orderId: saved.id }, orderSnapshot(view));
    await this.audit.record(m, { action: 'order.recorded', entityType: 'order', entityId: saved.id, orderId: saved.id, after: view });
    await this.entered(m, { order: saved, from: null, to: 'RECEIVED', action: null, reason: null, actor: actor(), at: new Date() });
    return this.orders.load(m, saved.id);
  }

  /** Moves the order by `action` (409 naming status and action when the machine refuses); returns it as it ends up. */
  async transition(m: EntityManager, orderId: string, req: TransitionRequest): Promise<Order> {
    const order = await this.orders.lock(m, orderId);
    assertVersion(`order ${order.number}`, order.version, req.ifMatch);
    const before = toOrderView(order);
    const from = order.status;
    const to = nextStatus(from, req.action);
    for (const guard of this.guards.get(req.action) ?? []) await guard(m, order);
    order.status = to;
    await req.change?.(order, m);
    await m.save(order);
    const moved = await this.orders.load(m, orderId);
    const at = new Date();
    const reason = req.reason ?? null;
    await this.outbox.publish(m, SalesOrderStatusChangedV1, { orderId }, {
      orderId,
      number: moved.number,
      from,
      to: moved.status,
      action: req.action,
      version: moved.version,
      reason,
      changedAt: at.toISOString(),
    });
    await req.effects?.(moved, m);
    await this.audit.record(m, {
      action: req.audit,
      entityType: 'order',
      entityId: orderId,
      orderId,
      reason,
      before,
      after: { ...toOrderView(moved), ...req.detail?.(moved) },
    });
    await this.entered(m, { order: moved, from, to: moved.status, action: req.action, reason, actor: actor(), at });
    return this.orders.load(m, orderId);
  }

  private async entered(m: EntityManager, entered: OrderEntered): Promise<void> {
    for (const listener of this.listeners.get(entered.to) ?? []) await listener(m, entered);
  }
}

const actor = (): string | null => requestContext.get()?.actor?.username ?? null;
