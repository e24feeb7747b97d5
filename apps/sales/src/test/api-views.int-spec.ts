import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DEPARTMENT_SERVICES, REVIEW_DEPARTMENTS, ReviewDepartment } from '@opm/contracts';
import type { ApiView, Principal } from '@opm/platform';
import type { AppContext } from '@opm/testing';
import { ApprovalChainDef, ApprovalDecisionResultDef, DelegationsDef, DelegationViewDef } from '../approvals/approval-view';
import { ApprovalsService } from '../approvals/approvals.service';
import { CustomerViewDef } from '../customers/customer-view';
import { CustomersService } from '../customers/customers.service';
import { IntakeService } from '../intake/intake.service';
import { LeadViewDef } from '../intake/leads/lead-view';
import { LeadsService } from '../intake/leads/leads.service';
import { CustomerConfirmationsDef, CustomerConfirmationViewDef, DocumentVerificationDef, IssuanceViewDef, IssuedOrderDef } from '../issuance/issuance-view';
import { IssuanceService } from '../issuance/issuance.service';
import type { ListOrdersQuery } from '../lifecycle/dto/list-orders.query';
import { OrderViewDef } from '../lifecycle/order-view';
import { OrdersController } from '../lifecycle/orders.controller';
import { ReviewRoundsDef } from '../review/review-view';
import { ReviewService } from '../review/review.service';
import { credit, customer, newOrder, recordOrder, reviewEvents, startSales } from './sales-context';

const head = (department: Principal['department'], username: string): Principal => ({ username, department, role: 'HEAD' });
const leader: Principal = { username: 'leader', department: 'MANAGEMENT', role: 'LEADER' };

/** What goes over the wire: the JSON of the answer. */
const wire = (answer: unknown): unknown => JSON.parse(JSON.stringify(answer));

/**
 * The answer is exactly what the view documents: it parses (every field has the documented type and nullability)
 * and parsing drops nothing (z.object strips unknown keys, so a field the schema does not know is a difference).
 */
function expectConforms(view: ApiView, answer: unknown): void {
  const sent = wire(answer);
  const parsed = view.schema.safeParse(sent);
  if (!parsed.success) throw new Error(`${view.name}: ${z.prettifyError(parsed.error)}\n${JSON.stringify(sent, null, 2)}`);
  expect(parsed.data).toEqual(sent);
}

/** `page: true` of ApiAnswers: `{items, total, page, pageSize}`. */
function expectPageOf(view: ApiView, answer: unknown): void {
  const page = z.object({ items: z.array(z.unknown()), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }).strict().parse(wire(answer));
  for (const item of page.items) expectConforms(view, item);
}

/**
 * The views of sales' API against what its use cases really answer, on the real PostgreSQL: a schema that drifts
 * from its mapper (a renamed field, a null where the schema says never) fails here, whatever the compiler saw.
 */
describe("sales' answers conform to the views of its API document (PostgreSQL)", () => {
  let ctx: AppContext;
  let intake: IntakeService;
  let review: ReviewService;
  let approvals: ApprovalsService;
  let issuance: IssuanceService;

  beforeAll(async () => {
    ctx = await startSales('api_views');
    intake = ctx.app.get(IntakeService);
    review = ctx.app.get(ReviewService);
    approvals = ctx.app.get(ApprovalsService);
    issuance = ctx.app.get(IssuanceService);
  });
  afterAll(() => ctx?.close());

  const assessment = { clear: false, summary: 'capacity is tight', reasons: ['line 1 needs 30 h in week 10'], proposals: ['deliver a week later'], details: { hours: 30, week: '2027-W10' } };
  const events = () => reviewEvents(ctx, assessment);
  /** Due a minute ago: the view shows the task overdue. */
  const open = (orderId: string, round: number, department: ReviewDepartment) => events().open(orderId, round, department, -60_000);
  const answer = (orderId: string, round: number, department: ReviewDepartment, conclusion: 'PASS' | 'FAIL') =>
    events().answer(orderId, round, department, conclusion, {
      proposals: conclusion === 'FAIL' ? ['a later date'] : [],
      // Finance's clear assessment confirms itself.
      ...(department === 'FINANCE' ? { reviewer: 'system:finance', reviewerRole: null, autoConfirmed: true } : {}),
    });

  it('Customer: registered (no credit yet), with the credit standing finance told, and a page of them', async () => {
    const customers = ctx.app.get(CustomersService);
    const created = await customers.create({ name: `View customer ${randomUUID().slice(0, 8)}`, contactPerson: 'Li Wei', phone: '+86 21 5555 0101', email: 'li.wei@spm.example' });
    expectConforms(CustomerViewDef, created);
    expect(created.credit).toBeNull();
    await ctx.dataSource.transaction((m) => customers.applyCredit(m, credit(created.id, null)));
    expectConforms(CustomerViewDef, await customers.get(created.id));
    await ctx.dataSource.transaction((m) => customers.applyCredit(m, credit(created.id, '250000.00')));
    const withCredit = await customers.get(created.id);
    expectConforms(CustomerViewDef, withCredit);
    expect(withCredit.credit).toMatchObject({ creditLimit: '250000.00', currency: 'CNY' });
    expectPageOf(CustomerViewDef, await customers.list({ page: 1, pageSize: 50 }));
  });

  it('Lead and Order: a lead recorded, listed, converted into an order', async () => {
    const leads = ctx.app.get(LeadsService);
    const lead = await leads.create({ source: 'TRADE_SHOW', campaign: 'Hannover Messe 2026', companyName: 'Wuxi Pump Works', contactPerson: 'Sun Min', interest: 'flanges' });
    expectConforms(LeadViewDef, lead);
    const { channel: _channel, ...order } = newOrder(await customer(ctx));
    const converted = await leads.convert(lead.id, order);
    expectConforms(OrderViewDef, converted);
    expect(converted).toMatchObject({ channel: 'TRADE_SHOW', leadId: lead.id });
    const listed = await leads.list({ status: 'CONVERTED', page: 1, pageSize: 50 });
    expectPageOf(LeadViewDef, listed);
    expect(listed.items.find((l) => l.id === lead.id)).toMatchObject({ status: 'CONVERTED', convertedOrderId: converted.id });
  });

  it('Order: in every shape intake leaves it (UNDER_REVIEW, AWAITING_INFO, credit PENDING, ESCALATED and decided), read back and listed', async () => {
    const controller = ctx.app.get(OrdersController);
    const clear = await recordOrder(ctx, newOrder(await customer(ctx), { specialRequirements: { customization: 'logo engraving', packaging: null, transportMode: 'sea freight', other: null } }));
    expect(clear.status).toBe('UNDER_REVIEW');
    expectConforms(OrderViewDef, clear);

    const incomplete = await recordOrder(ctx, newOrder(await customer(ctx), { contactPhone: null, paymentTerms: undefined, deliveryDate: null }));
    expect(incomplete.status).toBe('AWAITING_INFO');
    expect(incomplete.preliminaryReview?.missing).toEqual(['contactPhone', 'deliveryDate', 'paymentTerms']);
    expectConforms(OrderViewDef, incomplete);
    const supplied = await intake.supplyInfo(incomplete.id, { contactPhone: '+86 21 5555 0101', paymentTerms: '30 days net', deliveryDate: newOrder('x').deliveryDate }, incomplete.version);
    expectConforms(OrderViewDef, supplied);

    const waiting = await recordOrder(ctx, newOrder(await customer(ctx, null)));
    expect(waiting).toMatchObject({ status: 'RECEIVED', preliminaryReview: { outcome: 'PENDING', waitingSince: expect.any(String) } });
    expectConforms(OrderViewDef, waiting);

    const escalated = await recordOrder(ctx, newOrder(await customer(ctx, '10.00')));
    expect(escalated.status).toBe('ESCALATED');
    expect(escalated.escalation?.decision).toBeNull();
    expectConforms(OrderViewDef, escalated);
    const decided = await intake.decideEscalation(escalated.id, { decision: 'REJECT', reason: 'credit risk too high' }, escalated.version);
    expect(decided.escalation).toMatchObject({ decision: 'REJECT', reason: 'credit risk too high' });
    expectConforms(OrderViewDef, decided);

    expectConforms(OrderViewDef, await controller.get(clear.id));
    expectPageOf(OrderViewDef, await controller.list({ page: 1, pageSize: 200 } as ListOrdersQuery));
  });

  it('ReviewRounds: requested, opened and overdue, answered, failed with its report, revised into a new round; a panel round signed off by its chair', async () => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    expectConforms(ReviewRoundsDef, await review.get(order.id));
    await open(order.id, 1, 'TECHNICAL');
    await open(order.id, 1, 'PRODUCTION');
    await ctx.dataSource.transaction((m) =>
      review.applyOverdue(m, { orderId: order.id, round: 1, department: 'PRODUCTION', taskId: randomUUID(), dueAt: new Date().toISOString(), escalatedAt: new Date().toISOString(), escalatedTo: 'production.head' }),
    );
    const opened = await review.get(order.id);
    expect(opened.rounds[0].tasks.find((t) => t.department === 'PRODUCTION')).toMatchObject({ status: 'OPEN', overdue: true, escalatedTo: 'production.head' });
    expectConforms(ReviewRoundsDef, opened);
    for (const d of REVIEW_DEPARTMENTS) await answer(order.id, 1, d, d === 'PRODUCTION' ? 'FAIL' : 'PASS');
    const failed = await review.get(order.id);
    expect(failed.rounds[0]).toMatchObject({ status: 'FAILED', report: { conclusion: 'FAIL' } });
    expectConforms(ReviewRoundsDef, failed);

    const before = await ctx.app.get(OrdersController).get(order.id);
    const revised = await review.revise(order.id, { reason: 'customer accepts a later date', lines: [{ productName: 'Custom bracket', quantity: 12, unitPrice: '12.80' }] }, before.version);
    expectConforms(OrderViewDef, revised);
    const second = await review.get(order.id);
    expect(second.rounds.map((r) => r.status)).toEqual(['FAILED', 'OPEN']);
    expect(second.rounds[1].revision).toMatchObject({ reason: 'customer accepts a later date' });
    expectConforms(ReviewRoundsDef, second);

    const major = await recordOrder(ctx, newOrder(await customer(ctx), { complex: true }));
    for (const d of REVIEW_DEPARTMENTS) await answer(major.id, 1, d, 'PASS');
    const awaiting = await review.get(major.id);
    expect(awaiting.rounds[0]).toMatchObject({ status: 'AWAITING_CHAIR', major: true, chair: null });
    expectConforms(ReviewRoundsDef, awaiting);
    const concluded = await review.chairConclude(major.id, { conclusion: 'PASS', comment: 'Panel agrees.' }, leader);
    expect(concluded.rounds[0]).toMatchObject({ status: 'PASSED', chair: { conclusion: 'PASS', chair: 'leader' } });
    expectConforms(ReviewRoundsDef, concluded);
  });

  it('ApprovalChain, ApprovalDecisionResult, Delegation(s), IssuedOrder, Issuance, DocumentVerification, CustomerConfirmation(s): an order from review to its confirmation', async () => {
    const order = await recordOrder(ctx, newOrder(await customer(ctx)));
    const none = await approvals.chain(order.id);
    expect(none).toEqual({ chain: null, steps: [] });
    expectConforms(ApprovalChainDef, none);
    for (const d of REVIEW_DEPARTMENTS) await answer(order.id, 1, d, 'PASS');
    const chain = await approvals.chain(order.id);
    expect(chain.steps.map((s) => s.status)).toEqual(['PENDING', 'PENDING', 'PENDING']);
    expectConforms(ApprovalChainDef, chain);

    const now = Date.now();
    const delegation = await approvals.delegate(
      { step: 'SALES_HEAD', delegate: 'sales.staff', validFrom: new Date(now - 60_000).toISOString(), validTo: new Date(now + 3_600_000).toISOString(), reason: 'trade fair trip' },
      head('SALES', 'sales.head'),
    );
    expectConforms(DelegationViewDef, delegation);
    const delegations = await approvals.delegations();
    expect(delegations.items.map((d) => d.id)).toContain(delegation.id);
    expectConforms(DelegationsDef, delegations);

    const deputy = { username: 'sales.staff', department: 'SALES', role: 'STAFF' } as const;
    const first = await approvals.decide(order.id, 'SALES_HEAD', { decision: 'APPROVE', comment: 'for the sales head' }, deputy, undefined);
    expect(first.steps[0]).toMatchObject({ status: 'APPROVED', decidedBy: 'sales.staff', onBehalfOf: 'sales.head' });
    expectConforms(ApprovalDecisionResultDef, first);
    await approvals.decide(order.id, 'DIVISION_LEADER', { decision: 'APPROVE', comment: 'ok' }, leader, undefined);
    const last = await approvals.decide(order.id, 'FINANCE', { decision: 'APPROVE', comment: 'margin fine' }, head('FINANCE', 'finance.head'), undefined);
    expect(last.status).toBe('APPROVED');
    expectConforms(ApprovalDecisionResultDef, last);

    const issued = await issuance.issue(order.id, head('SALES', 'sales.head'), undefined);
    expect(issued).toMatchObject({ status: 'ISSUED', acknowledgements: [], escalatedAt: null });
    expectConforms(IssuedOrderDef, issued);
    await ctx.dataSource.transaction((m) =>
      issuance.applyAcknowledgement(m, { orderId: order.id, department: 'production', documentHash: issued.documentHash, acknowledgedAt: new Date().toISOString() }),
    );
    const view = await issuance.issuance(order.id);
    expect(view.missingAcknowledgements).toEqual(DEPARTMENT_SERVICES.filter((d) => d !== 'production'));
    expectConforms(IssuanceViewDef, view);

    const byCode = await issuance.verify(order.id, { verificationCode: issued.documentHash.toUpperCase() });
    expect(byCode.matches).toBe(true);
    expectConforms(DocumentVerificationDef, byCode);
    const byPdf = await issuance.verify(order.id, { pdf: (await issuance.pdf(order.id)).pdf });
    expect(byPdf.matches).toBe(true);
    expectConforms(DocumentVerificationDef, byPdf);

    const confirmation = await issuance.confirm(
      order.id,
      { confirmedBy: 'Li Wei', channel: 'PHONE', confirmedAt: new Date().toISOString(), expectedDeliveryDate: newOrder('x').deliveryDate as string },
      { username: 'sales.staff', department: 'SALES', role: 'STAFF' },
    );
    expect(confirmation).toMatchObject({ recordedBy: 'sales.staff', note: null, emailedTo: null });
    expectConforms(CustomerConfirmationViewDef, confirmation);
    const confirmations = await issuance.confirmations(order.id);
    expect(confirmations.items.map((c) => c.id)).toEqual([confirmation.id]);
    expectConforms(CustomerConfirmationsDef, confirmations);
  });
});
