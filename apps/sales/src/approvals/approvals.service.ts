import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { APPROVAL_STEPS, ApprovalStep } from '@opm/contracts';
import { assertVersion, AuditLog, ConflictProblem, NotFoundProblem, Principal, ProblemException } from '@opm/platform';
import { minAmountFor, SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { nextStatus } from '../orders/order-state-machine';
import { toOrderView } from '../orders/order-view';
import { Order } from '../orders/order.entity';
import { authorityFor, holdsStep, planChain } from './approval-chain';
import { ApprovalStepRecord } from './approval-step.entity';
import { DelegationRecord } from './delegation.entity';
import { ApprovalDecisionDto } from './dto/approval-decision.dto';
import { CreateDelegationDto } from './dto/create-delegation.dto';

export interface ApprovalStepView {
  step: ApprovalStep;
  seq: number;
  status: string;
  decidedBy: string | null;
  onBehalfOf: string | null;
  decidedAt: string | null;
  comment: string | null;
}

const toView = (s: ApprovalStepRecord): ApprovalStepView => ({
  step: s.step,
  seq: s.seq,
  status: s.status,
  decidedBy: s.decidedBy,
  onBehalfOf: s.onBehalfOf,
  decidedAt: s.decidedAt?.toISOString() ?? null,
  comment: s.comment,
});

/**
 * The approval chain (R4.1): planned when the review passes, decided step by step in order by each step's
 * role (or its delegate), never by whoever recorded the order; the first rejection sends the order back to
 * REVIEW_FAILED. One decision per step: the step row is locked, so of two concurrent decisions one wins.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
  ) {}

  /** Called in the transaction that moves the order to AWAITING_APPROVAL. */
  async openChain(m: EntityManager, order: Order): Promise<void> {
    const [{ next }] = await m.query(`SELECT coalesce(max(chain), 0) + 1 AS next FROM sales_approval_step WHERE "orderId" = $1`, [order.id]);
    const planned = planChain(this.config.APPROVAL_STEPS, (s) => minAmountFor(this.config, s), order.totalAmount);
    await m.insert(
      ApprovalStepRecord,
      planned.map((p) => ({ orderId: order.id, chain: next, step: p.step, seq: p.seq, status: p.status, decidedBy: null, onBehalfOf: null, decidedAt: null, comment: null })),
    );
    await this.audit.record(m, {
      action: 'approval.chain-opened',
      entityType: 'order',
      entityId: order.id,
      orderId: order.id,
      after: planned,
    });
  }

  async chain(orderId: string): Promise<{ chain: number | null; steps: ApprovalStepView[] }> {
    if (!(await this.dataSource.getRepository(Order).existsBy({ id: orderId }))) throw new NotFoundProblem(`order ${orderId} not found`);
    const steps = await this.currentChain(this.dataSource.manager, orderId);
    return { chain: steps[0]?.chain ?? null, steps: steps.map(toView) };
  }

  /** True when every required step of the current chain is approved: the gate for issuing (R4.2). */
  async fullyApproved(m: EntityManager, orderId: string): Promise<boolean> {
    const steps = await this.currentChain(m, orderId);
    return steps.length > 0 && steps.every((s) => s.status === 'APPROVED' || s.status === 'SKIPPED');
  }

  async decide(orderId: string, stepParam: string, dto: ApprovalDecisionDto, principal: Principal, ifMatch: number | undefined) {
    const step = stepParam.toUpperCase() as ApprovalStep;
    if (!(APPROVAL_STEPS as readonly string[]).includes(step)) {
      throw new BadRequestException({ detail: `unknown approval step ${stepParam}`, errors: [{ field: 'step', message: `one of ${APPROVAL_STEPS.join(', ')}` }] });
    }
    return this.dataSource.transaction(async (m) => {
      const [locked] = await m.query(`SELECT id FROM sales_order WHERE id = $1 FOR UPDATE`, [orderId]);
      if (!locked) throw new NotFoundProblem(`order ${orderId} not found`);
      const order = await m.findOneOrFail(Order, { where: { id: orderId }, relations: { lines: true } });
      assertVersion(`order ${order.number}`, order.version, ifMatch);
      if (order.status !== 'AWAITING_APPROVAL') {
        throw new ConflictProblem(`cannot decide an approval of an order in status ${order.status}`, { currentStatus: order.status, action: 'decideApproval' });
      }
      const steps = await this.currentChain(m, orderId, true);
      const target = steps.find((s) => s.step === step);
      if (!target) throw new NotFoundProblem(`step ${step} is not part of this order's approval chain`);
      if (target.status !== 'PENDING') {
        throw new ConflictProblem(`step ${step} is already ${target.status}${target.decidedBy ? ` by ${target.decidedBy}` : ''}`, { currentStatus: target.status });
      }
      const first = steps.find((s) => s.status === 'PENDING');
      if (first && first.step !== step) {
        throw new ConflictProblem(`step ${first.step} must be decided before ${step}`, { currentStep: first.step });
      }
      const delegations = await m.findBy(DelegationRecord, { step, delegate: principal.username, revokedAt: IsNull() });
      const authority = authorityFor(principal, step, order.createdBy, delegations, new Date());
      if (!authority.ok) throw new ProblemException(403, authority.reason, { required: step });
      const beforeOrder = toOrderView(order);
      target.status = dto.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
      target.decidedBy = principal.username;
      target.onBehalfOf = authority.onBehalfOf;
      target.decidedAt = new Date();
      target.comment = dto.comment;
      await m.save(target);
      const rest = steps.filter((s) => s.status === 'PENDING' && s.step !== step);
      if (dto.decision === 'REJECT') {
        order.status = nextStatus(order.status, 'rejectApproval');
        for (const s of rest) {
          s.status = 'CANCELLED';
          await m.save(s);
        }
      } else if (rest.length === 0) {
        order.status = nextStatus(order.status, 'approve');
      }
      await m.save(order);
      await this.audit.record(m, {
        action: dto.decision === 'APPROVE' ? 'approval.approved' : 'approval.rejected',
        entityType: 'order',
        entityId: orderId,
        orderId,
        reason: dto.comment,
        before: { orderStatus: beforeOrder.status, step, status: 'PENDING' },
        after: { ...toView(target), orderStatus: order.status },
      });
      return { status: order.status, steps: (await this.currentChain(m, orderId)).map(toView) };
    });
  }

  async delegate(dto: CreateDelegationDto, principal: Principal) {
    if (!holdsStep(principal, dto.step)) {
      throw new ProblemException(403, `only an approver of ${dto.step} can delegate it; you are ${principal.department} ${principal.role}`);
    }
    if (dto.delegate === principal.username) {
      throw new BadRequestException({ detail: 'a delegation names someone else', errors: [{ field: 'delegate', message: 'must not be yourself' }] });
    }
    const validFrom = new Date(dto.validFrom);
    const validTo = new Date(dto.validTo);
    if (!(validFrom < validTo)) {
      throw new BadRequestException({ detail: 'validTo must be after validFrom', errors: [{ field: 'validTo', message: 'must be after validFrom' }] });
    }
    return this.dataSource.transaction(async (m) => {
      const record = await m.save(
        m.create(DelegationRecord, { id: randomUUID(), step: dto.step, delegator: principal.username, delegate: dto.delegate, validFrom, validTo, reason: dto.reason, revokedAt: null }),
      );
      await this.audit.record(m, { action: 'approval.delegated', entityType: 'delegation', entityId: record.id, reason: dto.reason, after: record });
      return record;
    });
  }

  async delegations() {
    const items = await this.dataSource.getRepository(DelegationRecord).find({ order: { createdAt: 'DESC' }, take: 200 });
    return { items };
  }

  /** The latest chain; locked when deciding, so two decisions on one step cannot both pass the checks. */
  private currentChain(m: EntityManager, orderId: string, lock = false): Promise<ApprovalStepRecord[]> {
    const query = m
      .createQueryBuilder(ApprovalStepRecord, 's')
      .where('s."orderId" = :orderId', { orderId })
      .andWhere('s.chain = (SELECT max(chain) FROM sales_approval_step WHERE "orderId" = :orderId)', { orderId })
      .orderBy('s.seq', 'ASC');
    return (lock ? query.setLock('pessimistic_write') : query).getMany();
  }
}
