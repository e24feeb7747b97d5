import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { MaterialQuantitySchema } from '@opm/contracts';
import { apiView, type ViewOf } from '@opm/platform';
import type { DepartmentOrderPart, ReceivedOrder, ReceivedOrderHook } from '@opm/workflow';
import { PurchaseContractView } from '../contracts/contract.view';
import { ContractsService } from '../contracts/contracts.service';
import { quantityText, StockReservations } from '../stock/reservations';
import { MaterialRequirementView } from './requirement.view';
import { RequirementsService } from './requirements.service';

/** Purchasing's records of an order in its part of `GET /orders/{id}` (R5.2): requirements, reservations, contracts. */
export const PurchasingExecutionView = apiView(
  'PurchasingExecution',
  z.object({
    requirements: z.array(MaterialRequirementView.schema).describe('computed when the issued order arrived; empty before'),
    reservations: z.array(
      z.object({
        material: z.string(),
        quantity: MaterialQuantitySchema,
        source: z.enum(['STOCK', 'RECEIPT']).describe('free stock at issue, or goods received and accepted for the order'),
        receiptId: z.uuid().nullable(),
        reservedAt: z.iso.datetime({ offset: true }),
        releasedAt: z.iso.datetime({ offset: true }).nullable().describe('set when the order was cancelled'),
      }),
    ),
    contracts: z.array(PurchaseContractView.schema),
  }),
);
export type PurchasingExecutionView = ViewOf<typeof PurchasingExecutionView>;

/** The issued order reached purchasing (R4.2): its requirements are computed and free stock reserved, once (R5.2). */
@Injectable()
export class RequirementsOnIssue implements ReceivedOrderHook {
  constructor(private readonly requirements: RequirementsService) {}

  async afterOrderIssued(m: EntityManager, order: ReceivedOrder): Promise<void> {
    await this.requirements.compute(m, order);
  }
}

@Injectable()
export class PurchasingOrderPart implements DepartmentOrderPart {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly requirements: RequirementsService,
    private readonly reservations: StockReservations,
    private readonly contracts: ContractsService,
  ) {}

  async partOf(orderId: string): Promise<PurchasingExecutionView> {
    const reservations = await this.reservations.ofOrder(this.dataSource.manager, orderId);
    return {
      requirements: await this.requirements.ofOrder(orderId),
      reservations: reservations.map((r) => ({
        material: r.material,
        quantity: quantityText(r.quantity),
        source: r.source,
        receiptId: r.receiptId,
        reservedAt: r.reservedAt.toISOString(),
        releasedAt: r.releasedAt?.toISOString() ?? null,
      })),
      contracts: await this.contracts.ofOrder(orderId),
    };
  }
}
