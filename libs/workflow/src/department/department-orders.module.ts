import { Controller, DynamicModule, Get, Inject, Injectable, Module, ModuleMetadata, Optional, Param, Type } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import {
  DepartmentService,
  Envelope,
  OrderIssueAcknowledgedV1,
  SalesOrderDetailsChangedV1,
  SalesOrderIssued,
  SalesOrderIssuedV1,
  SalesOrderReceived,
  SalesOrderReceivedV1,
  SpecialRequirementsSchema,
} from '@opm/contracts';
import { ApiAnswers, type ApiView, apiView, AuditLog, type EventContext, Inbox, NotFoundProblem, NotYetApplicable, Outbox, uuidParam, type ViewOf } from '@opm/platform';
import { ReceivedOrder } from './received-order.entity';

/** What a department does, in the same transaction, when an order reaches it or is issued to it. */
export interface ReceivedOrderHook {
  /** The order reached the department (finance: recompute credit exposure). */
  afterOrderReceived?(m: EntityManager, order: ReceivedOrder, event: Envelope<SalesOrderReceived>): Promise<void>;
  /**
   * The signed order was issued (R4.2): the department's execution starts here (production drafts its plan, quality
   * its inspection plan), in the transaction that records the issued version and acknowledges it, so it happens once.
   */
  afterOrderIssued?(m: EntityManager, order: ReceivedOrder, event: Envelope<SalesOrderIssued>): Promise<void>;
}
export const RECEIVED_ORDER_HOOK = Symbol('RECEIVED_ORDER_HOOK');

/** A department's own records of an order (its plan, its inspections): one field of its part of the combined view. */
export interface DepartmentOrderPart {
  /** The part's content for an order, null while the department has none (before issue). */
  partOf(orderId: string): Promise<unknown>;
}
export const DEPARTMENT_ORDER_PART = Symbol('DEPARTMENT_ORDER_PART');

export interface DepartmentOrdersOptions {
  imports?: ModuleMetadata['imports'];
  hook?: Type<ReceivedOrderHook>;
  /**
   * The department's own records shown in its part of `GET /orders/{id}`: `field` of the view `viewName`
   * (DepartmentOrder plus that field, nullable), filled by `provider`.
   */
  part?: { viewName: string; field: string; view: ApiView; provider: Type<DepartmentOrderPart> };
}

/** A department's copy of an order (R1.3), as `/<department>/orders/{orderId}` serves it: its part of the combined view. */
export const DepartmentOrderView = apiView(
  'DepartmentOrder',
  z.object({
    orderId: z.uuid(),
    number: z.string().describe('the order number sales gave it (SO-yyyy-nnnnnn)'),
    deliveryDate: z.iso.date().nullable(),
    specialRequirements: SpecialRequirementsSchema,
    lineCount: z.number().int().positive(),
    receivedAt: z.iso.datetime({ offset: true }).describe('when the order reached this department'),
    issuedAt: z.iso.datetime({ offset: true }).nullable().describe('when the signed order was issued to the departments (R4.2); null before'),
    documentHash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable()
      .describe('fingerprint of the issued version this department recorded and acknowledged (R4.3); null before issue'),
  }),
);
export type DepartmentOrderView = ViewOf<typeof DepartmentOrderView>;

export function toDepartmentOrderView(order: ReceivedOrder): DepartmentOrderView {
  return {
    orderId: order.orderId,
    number: order.number,
    deliveryDate: order.deliveryDate,
    specialRequirements: order.specialRequirements,
    lineCount: order.lines.length,
    receivedAt: order.receivedAt.toISOString(),
    issuedAt: order.issuedAt?.toISOString() ?? null,
    documentHash: order.documentHash,
  };
}

@Injectable()
export class ReceivedOrders {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(orderId: string): Promise<DepartmentOrderView> {
    const order = await this.dataSource.getRepository(ReceivedOrder).findOneBy({ orderId });
    if (!order) throw new NotFoundProblem(`order ${orderId} has not reached this department`);
    return toDepartmentOrderView(order);
  }
}

/**
 * Every executing department keeps its own copy of each order from `sales.order.received.v1` (R1.3) and
 * serves its part of the combined view at `/<department>/orders/:orderId`.
 */
@Module({})
export class DepartmentOrdersModule {
  static forDepartment(department: DepartmentService, options: DepartmentOrdersOptions = {}): DynamicModule {
    const consumerName = `${department}.received-orders`;
    /** Events of one order arrive in order, so the copy exists unless the order never reached this department. */
    const copyOf = async (m: EntityManager, orderId: string): Promise<ReceivedOrder> => {
      const copy = await m.findOneBy(ReceivedOrder, { orderId });
      if (!copy) throw new NotYetApplicable(`order ${orderId} has not reached ${department} yet`);
      return copy;
    };

    @Controller()
    class ReceivedOrdersConsumer {
      constructor(
        private readonly inbox: Inbox,
        private readonly outbox: Outbox,
        private readonly audit: AuditLog,
        @Optional() @Inject(RECEIVED_ORDER_HOOK) private readonly hook?: ReceivedOrderHook,
      ) {}

      @EventPattern(SalesOrderReceivedV1.topic)
      async onOrderReceived(@Ctx() ctx: EventContext): Promise<void> {
        await this.inbox.consume(consumerName, SalesOrderReceivedV1, ctx, async (event, m) => {
          const p = event.payload;
          const copy = {
            orderId: p.orderId,
            number: p.number,
            customerId: p.customerId,
            deliveryDate: p.deliveryDate,
            currency: p.currency,
            totalAmount: p.totalAmount,
            lines: p.lines,
            specialRequirements: p.specialRequirements,
            sourceEventId: event.eventId,
          };
          // A plain insert: redeliveries are the inbox's job, not every handler's.
          await m.insert(ReceivedOrder, copy);
          // The department's own work first: the audit entry comes last (see AuditLog.record on lock order).
          await this.hook?.afterOrderReceived?.(m, await m.findOneByOrFail(ReceivedOrder, { orderId: p.orderId }), event);
          await this.audit.record(m, { action: 'order.received', entityType: 'order', entityId: p.orderId, orderId: p.orderId, after: copy });
        });
      }

      @EventPattern(SalesOrderDetailsChangedV1.topic)
      async onDetailsChanged(@Ctx() ctx: EventContext): Promise<void> {
        await this.inbox.consume(`${department}.order-details`, SalesOrderDetailsChangedV1, ctx, async (event, m) => {
          const p = event.payload;
          const before = await copyOf(m, p.orderId);
          const change = { deliveryDate: p.deliveryDate, specialRequirements: p.specialRequirements, currency: p.currency, totalAmount: p.totalAmount, lines: p.lines };
          await m.update(ReceivedOrder, { orderId: p.orderId }, change);
          await this.audit.record(m, {
            action: 'order.details-changed',
            entityType: 'order',
            entityId: p.orderId,
            orderId: p.orderId,
            before: { deliveryDate: before.deliveryDate, specialRequirements: before.specialRequirements, currency: before.currency, totalAmount: before.totalAmount, lines: before.lines },
            after: change,
          });
        });
      }

      /** The issued order (R4.2): the department records the signed version and acknowledges receipt (R4.3). */
      @EventPattern(SalesOrderIssuedV1.topic)
      async onIssued(@Ctx() ctx: EventContext): Promise<void> {
        await this.inbox.consume(`${department}.issued-orders`, SalesOrderIssuedV1, ctx, async (event, m) => {
          const p = event.payload;
          await copyOf(m, p.orderId);
          const issued = { issuedAt: new Date(p.issuedAt), signedBy: p.signedBy, documentHash: p.documentHash, lines: p.order.lines, totalAmount: p.order.totalAmount, deliveryDate: p.order.deliveryDate, specialRequirements: p.order.specialRequirements };
          await m.update(ReceivedOrder, { orderId: p.orderId }, issued);
          await this.hook?.afterOrderIssued?.(m, await m.findOneByOrFail(ReceivedOrder, { orderId: p.orderId }), event);
          await this.outbox.publish(m, OrderIssueAcknowledgedV1, { orderId: p.orderId }, {
            orderId: p.orderId,
            department,
            documentHash: p.documentHash,
            acknowledgedAt: new Date().toISOString(),
          });
          await this.audit.record(m, { action: 'order.issue-acknowledged', entityType: 'order', entityId: p.orderId, orderId: p.orderId, reason: `issued version ${p.documentHash} recorded`, after: issued });
        });
      }
    }

    const part = options.part;
    const view = part
      ? apiView(part.viewName, DepartmentOrderView.schema.extend({ [part.field]: part.view.schema.nullable() }))
      : DepartmentOrderView;

    @ApiTags(department)
    @Controller(`${department}/orders`)
    class DepartmentOrdersController {
      constructor(
        private readonly orders: ReceivedOrders,
        @Optional() @Inject(DEPARTMENT_ORDER_PART) private readonly records?: DepartmentOrderPart,
      ) {}

      @Get(':orderId')
      @ApiOperation({
        summary: `The ${department} department's copy of an order: its part of the combined order view`,
        description: `404 until the order has reached ${department} (sales.order.received.v1).`,
      })
      @ApiParam({ name: 'orderId', format: 'uuid' })
      @ApiAnswers(view, { errors: [400, 404], description: `the ${department} department's part of the order` })
      async get(@Param('orderId', uuidParam('orderId')) orderId: string): Promise<DepartmentOrderView> {
        const copy = await this.orders.get(orderId);
        if (!part || !this.records) return copy;
        return { ...copy, [part.field]: (await this.records.partOf(orderId)) ?? null };
      }
    }

    return {
      module: DepartmentOrdersModule,
      imports: options.imports ?? [],
      controllers: [ReceivedOrdersConsumer as Type, DepartmentOrdersController as Type],
      providers: [
        ReceivedOrders,
        ...(options.hook ? [{ provide: RECEIVED_ORDER_HOOK, useClass: options.hook }] : []),
        ...(part ? [{ provide: DEPARTMENT_ORDER_PART, useClass: part.provider }] : []),
      ],
      exports: [ReceivedOrders],
    };
  }
}
