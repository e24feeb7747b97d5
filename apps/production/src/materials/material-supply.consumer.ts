import { Controller, Injectable, Module } from '@nestjs/common';
import { Ctx, EventPattern } from '@nestjs/microservices';
import type { EntityManager } from 'typeorm';
import { PurchasingContractDelayedV1, PurchasingContractOverdueV1, PurchasingReceiptInspectedV1 } from '@opm/contracts';
import { ConflictProblem, type EventContext, Inbox, NotYetApplicable, type Principal } from '@opm/platform';
import { ReceivedOrder } from '@opm/workflow';
import { PlansModule } from '../plans/plans.module';
import { PlansService } from '../plans/plans.service';
import { type MaterialNews, materialLateProblem } from './material-late';

/** Who raises the problem: production itself, on purchasing's news. */
const PURCHASING_NEWS: Principal = { username: 'system:purchasing-news', department: 'PRODUCTION', role: 'STAFF' };

/**
 * Late or rejected material that endangers an order's plan becomes a MATERIAL_LATE problem on it (R5.1, R5.2), raised
 * through production's one problem path (`PlansService.raiseProblem`) in the inbox's transaction: the plan row is
 * locked first, so news of one contract arriving on two topics at once finds the other's problem (one open problem
 * per contract), and the problem commits with the message's inbox record.
 */
@Injectable()
export class MaterialSupplyWatch {
  constructor(private readonly plans: PlansService) {}

  async onNews(m: EntityManager, orderId: string, news: MaterialNews): Promise<void> {
    const order = await m.findOneBy(ReceivedOrder, { orderId });
    // An order production never received has no plan to endanger (its copy arrives at intake, long before any contract).
    if (!order) return;
    // Purchasing buys only for issued orders: production's copy of the issue catches up (another topic).
    if (!order.issuedAt) throw new NotYetApplicable(`order ${orderId} is not issued to production yet`);
    const plan = await this.plans.ofOrder(orderId, m, { lock: true });
    if (!plan) return;
    const description = materialLateProblem(
      { status: plan.status, taskStarts: plan.tasks.map((t) => t.plannedStart), openProblems: plan.problems.filter((p) => p.status === 'OPEN') },
      news,
    );
    if (!description) return;
    try {
      await this.plans.raiseProblem(plan.id, { kind: 'MATERIAL_LATE', severity: 'MAJOR', description }, PURCHASING_NEWS, m);
    } catch (err) {
      // The plan completed or stopped meanwhile: nothing is endangered any more.
      if (!(err instanceof ConflictProblem)) throw err;
    }
  }
}

@Controller()
export class MaterialSupplyConsumer {
  constructor(
    private readonly inbox: Inbox,
    private readonly watch: MaterialSupplyWatch,
  ) {}

  @EventPattern(PurchasingContractDelayedV1.topic)
  async onDelayed(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('production.material-delays', PurchasingContractDelayedV1, ctx, ({ payload: p }, m) =>
      this.watch.onNews(m, p.orderId, { kind: 'DELAYED', contractNumber: p.number, materials: p.materialCodes, newDeliveryDate: p.newDeliveryDate, reason: p.reason }),
    );
  }

  @EventPattern(PurchasingContractOverdueV1.topic)
  async onOverdue(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('production.material-overdue', PurchasingContractOverdueV1, ctx, ({ payload: p }, m) =>
      this.watch.onNews(m, p.orderId, { kind: 'OVERDUE', contractNumber: p.number, materials: p.openLines.map((l) => l.materialCode), deliveryDate: p.deliveryDate }),
    );
  }

  @EventPattern(PurchasingReceiptInspectedV1.topic)
  async onInspected(@Ctx() ctx: EventContext): Promise<void> {
    await this.inbox.consume('production.material-rejections', PurchasingReceiptInspectedV1, ctx, async ({ payload: p }, m) => {
      if (p.result !== 'REJECTED') return;
      await this.watch.onNews(m, p.orderId, { kind: 'REJECTED', contractNumber: p.contractNumber, materials: p.lines.map((l) => l.materialCode), disposition: p.disposition, note: p.note });
    });
  }
}

/** Purchasing's news about an order's material, watched for what endangers its plan (R5.2). */
@Module({ imports: [PlansModule], controllers: [MaterialSupplyConsumer], providers: [MaterialSupplyWatch] })
export class MaterialsModule {}
