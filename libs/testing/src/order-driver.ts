import request from 'supertest';
import { daysFromToday } from '@opm/contracts';
import { eventually } from './eventually';
import { orderBody } from './fixtures';
import type { TestStack } from './stack';

/** Production's plan of an order, as GET /production/plans serves it (the fields the drivers use). */
export interface DrivenPlan {
  id: string;
  status: string;
  version: number;
  tasks: { id: string; name: string; workCentre: string }[];
  checkpoints: { source: string }[];
}

export interface IssuedOrder {
  id: string;
  plan: DrivenPlan;
  inspectionPlan: { id: string; items: { stage: string; source: string }[] };
}

/** A catalog order every department clears at once (demo auto-confirm), asking for standards quality attains. */
export const clearOrderBody = (overrides: Record<string, unknown> = {}) =>
  orderBody({
    deliveryDate: daysFromToday(150),
    lines: [{ productCode: 'P-100', quantity: 100, unitPrice: '12.50' }],
    specialRequirements: { customization: null, packaging: 'export crate', transportMode: 'sea freight', other: 'ISO 2768-m, EN 10204 3.1 certificate' },
    ...overrides,
  });

/**
 * Drives orders through the lifecycle via the gateway as the demo users would, for e2e tests of the later stages:
 * record -> review (demo auto-confirm) -> the three approvals -> issue -> release -> produce -> final inspection ->
 * READY_TO_SHIP. Each step asserts what it needs; a test starts from the step it is about.
 */
export class OrderDriver {
  readonly gateway: ReturnType<typeof request>;

  constructor(
    private readonly stack: TestStack,
    private readonly timeoutMs = 60_000,
  ) {
    this.gateway = request(stack.member('gateway').baseUrl);
  }

  async post(path: string, user: string, body: object = {}, headers: Record<string, string> = {}) {
    let req = this.gateway.post(`/api/v1${path}`).set('authorization', await this.stack.bearer(user));
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    return req.send(body);
  }

  async get(path: string, user = 'sales.staff') {
    return this.gateway.get(`/api/v1${path}`).set('authorization', await this.stack.bearer(user));
  }

  /** The combined view GET /orders/{id}. */
  async order(id: string) {
    const res = await this.get(`/orders/${id}`);
    if (res.status !== 200) throw new Error(`GET /orders/${id}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  statusBecomes(id: string, status: string) {
    return eventually(async () => {
      const order = await this.order(id);
      if (order.status !== status) throw new Error(`order ${id} is ${order.status}, waiting for ${status}`);
      return order;
    }, { timeoutMs: this.timeoutMs });
  }

  /** Recorded, cleared by review, approved and issued; production's plan and quality's inspection plan drafted. */
  async issued(body: Record<string, unknown> = clearOrderBody()): Promise<IssuedOrder> {
    const created = await this.post('/orders', 'sales.staff', body);
    if (created.status !== 201) throw new Error(`POST /orders: ${created.status} ${JSON.stringify(created.body)}`);
    const id = created.body.id as string;
    await this.statusBecomes(id, 'AWAITING_APPROVAL');
    for (const [step, user] of [['SALES_HEAD', 'sales.head'], ['DIVISION_LEADER', 'leader'], ['FINANCE', 'finance.head']]) {
      const res = await this.post(`/orders/${id}/approvals/${step}/decision`, user, { decision: 'APPROVE', comment: 'ok' });
      if (res.status !== 200) throw new Error(`approval ${step}: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const issue = await this.post(`/orders/${id}/issue`, 'sales.head');
    if (issue.status !== 200) throw new Error(`issue: ${issue.status} ${JSON.stringify(issue.body)}`);
    const plan = await eventually(async () => {
      const res = await this.get(`/production/plans?orderId=${id}`);
      if (res.body.total !== 1) throw new Error(`no production plan for ${id} yet`);
      return res.body.items[0] as DrivenPlan;
    }, { timeoutMs: this.timeoutMs });
    const inspectionPlan = await eventually(async () => {
      const res = await this.get(`/quality/plans?orderId=${id}`);
      if (res.body.total !== 1) throw new Error(`no inspection plan for ${id} yet`);
      return res.body.items[0] as IssuedOrder['inspectionPlan'];
    }, { timeoutMs: this.timeoutMs });
    return { id, plan, inspectionPlan };
  }

  /** The production head releases the plan: the order IN_EXECUTION. */
  async release(id: string, plan: DrivenPlan): Promise<void> {
    const res = await this.post(`/production/plans/${plan.id}/release`, 'production.head');
    if (res.status !== 200) throw new Error(`release: ${res.status} ${JSON.stringify(res.body)}`);
    await this.statusBecomes(id, 'IN_EXECUTION');
  }

  /** Every task reported done (with `progress` extra fields, e.g. hours), then the head completes the plan. */
  async produce(plan: DrivenPlan, quantityProduced: number, progress: Record<string, unknown> = {}): Promise<void> {
    for (const t of plan.tasks) {
      const res = await this.post(`/production/plans/${plan.id}/tasks/${t.id}/progress`, 'production.staff', { progressPercent: 100, note: 'done', ...progress });
      if (res.status !== 200) throw new Error(`progress: ${res.status} ${JSON.stringify(res.body)}`);
    }
    const completed = await this.post(`/production/plans/${plan.id}/complete`, 'production.head', { quantityProduced });
    if (completed.status !== 200) throw new Error(`complete: ${completed.status} ${JSON.stringify(completed.body)}`);
  }

  /** A final inspection of the order's lot by the quality head. */
  async finalInspection(id: string, result: 'PASS' | 'FAIL', quantityInspected: number) {
    const res = await this.post('/quality/inspections', 'quality.head', {
      orderId: id,
      stage: 'FINAL',
      lot: `LOT-${result}`,
      quantityInspected,
      result,
      findings: result === 'FAIL' ? 'marking missing on 12 flanges' : 'as ordered',
    });
    if (res.status !== 201) throw new Error(`inspection: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string; nonconformance: { id: string; number: string } | null; report: { number: string } | null };
  }

  /** An issued order taken through production and a passed final inspection to READY_TO_SHIP. */
  async readyToShip(body: Record<string, unknown> = clearOrderBody()): Promise<IssuedOrder> {
    const issued = await this.issued(body);
    const quantity = ((body.lines as { quantity: number }[]) ?? []).reduce((sum, l) => sum + l.quantity, 0);
    await this.release(issued.id, issued.plan);
    await this.produce(issued.plan, quantity);
    await this.finalInspection(issued.id, 'PASS', quantity);
    await this.statusBecomes(issued.id, 'READY_TO_SHIP');
    return issued;
  }
}
