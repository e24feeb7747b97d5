import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ApprovalStep, OrderStatus } from '@opm/contracts';

/** One step of an order's current approval chain as other stages see it (the printed order shows them, R4.3). */
export interface ApprovalTrailEntry {
  step: ApprovalStep;
  status: string;
  /** Who decided; a delegate is shown with the approver it acted for. */
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
}

/** Where an order's execution stands, as tracking follows it (R6.4, R4.4). */
export interface OrderProgress {
  status: OrderStatus;
  planStatus: string | null;
  tasksDone: number;
  tasksTotal: number;
  expectedDate: string | null;
  promisedDate: string | null;
}

/**
 * What one stage knows about an order that another stage needs, named here so neither imports the other:
 * the stage that owns a fact provides it when its module starts, the one that needs it reads it here.
 */
export interface OrderFactTypes {
  /** Provided by approvals. */
  approvalTrail: ApprovalTrailEntry[];
  /** Per order line, the quantity the proofs of delivery confirmed so far (R5.5); provided by execution, read by settlement (R7.1). */
  deliveredQuantities: { lineNo: number; quantity: number }[];
  /** When the executing departments' acknowledgements of the issued order are due and who gave one (R4.3); provided by issuance, read by tracking (R6.4). */
  issueAcknowledgement: { acknowledgeBy: string; acknowledged: string[] } | null;
  /** Where execution stands (R4.4): provided by tracking's monitoring projection, read by issuance for the customer's confirmation. */
  progress: OrderProgress;
  /** The order's version: 1 as recorded, one more per applied change (R8.3); provided by changes, printed by issuance. */
  orderVersion: number;
}

type FactReader<K extends keyof OrderFactTypes> = (m: EntityManager, orderId: string) => Promise<OrderFactTypes[K]>;

@Injectable()
export class OrderFacts {
  private readonly readers = new Map<keyof OrderFactTypes, FactReader<keyof OrderFactTypes>>();

  provide<K extends keyof OrderFactTypes>(fact: K, reader: FactReader<K>): void {
    if (this.readers.has(fact)) throw new Error(`order fact ${fact} is already provided`);
    this.readers.set(fact, reader as FactReader<keyof OrderFactTypes>);
  }

  read<K extends keyof OrderFactTypes>(m: EntityManager, fact: K, orderId: string): Promise<OrderFactTypes[K]> {
    const reader = this.readers.get(fact);
    if (!reader) throw new Error(`no stage provides the order fact ${fact}`);
    return reader(m, orderId) as Promise<OrderFactTypes[K]>;
  }
}
