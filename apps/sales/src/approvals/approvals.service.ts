import { BadRequestException, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { APPROVAL_STEPS, ApprovalStep } from '@opm/contracts';
import {
  assertVersion,
  AuditLog,
  BusinessRuleProblem,
  ConflictProblem,
  inTransaction,
  NotFoundProblem,
  Principal,
  ProblemException,
  SERVICE_CONFIG,
  type ServiceConfig,
  UserDirectory,
} from '@opm/platform';
import { minAmountFor, SALES_CONFIG, SalesConfig } from '../config/sales-config';
import { ApprovalTrailEntry, OrderFacts } from '../lifecycle/order-facts';
import { OrderLifecycle } from '../lifecycle/order-lifecycle.service';
import { canTake } from '../lifecycle/order-state-machine';
import { Order } from '../lifecycle/order.entity';
import { OrderRepository } from '../lifecycle/order.repository';
import { authorityFor, delegateProblem, holdsStep, planChain } from './approval-chain';
import { ApprovalStepRecord } from './approval-step.entity';
import {
  ApprovalChainView,
  ApprovalDecisionResultView,
  DelegationsView,
  DelegationView,
  toApprovalStepView,
  toDelegationView,
} from './approval-view';
import { DelegationRecord } from './delegation.entity';
import { ApprovalDecisionDto } from '../lifecycle/dto/approval-decision.dto';
import { CreateDelegationDto } from './dto/create-delegation.dto';

/**
 * The approval chain (R4.1): planned when the review passes, decided step by step in order by each step's
 * role (or its delegate), never by whoever recorded the order; the first rejection sends the order back to
 * REVIEW_FAILED. One decision per step: the step row is locked, so of two concurrent decisions one wins.
 */
@Injectable()
export class ApprovalsService implements OnModuleInit {
  /** Who the built-in users are: a delegation names one of them (DEMO_DATA, USERS_FILE). */
  private readonly users: UserDirectory;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: OrderLifecycle,
    private readonly orders: OrderRepository,
    private readonly facts: OrderFacts,
    private readonly audit: AuditLog,
    @Inject(SALES_CONFIG) private readonly config: SalesConfig,
    @Inject(SERVICE_CONFIG) service: ServiceConfig,
  ) {
    this.users = UserDirectory.load(service);
  }

  onModuleInit(): void {
    this.lifecycle.onEnter('AWAITING_APPROVAL', (m, entered) => this.openChain(m, entered.order));
    // Issuing is refused unless the current chain is complete, whoever asks (R4.2).
    this.lifecycle.guard('issue', async (m, order) => {
      if (!(await this.fullyApproved(m, order.id))) {
        throw new ConflictProblem(`order ${order.number} cannot be issued: its approval chain is not complete`, { currentStatus: order.status });
      }
    });
    this.facts.provide('approvalTrail', (m, orderId) => this.trail(m, orderId));
  }

  /** A new chain each time the order enters AWAITING_APPROVAL, in that transaction. */
  private async openChain(m: EntityManager, order: Order): Promise<void> {
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

  async chain(orderId: string): Promise<ApprovalChainView> {
    await this.orders.assertExists(orderId);
    const steps = await this.currentChain(this.dataSource.manager, orderId);
    return { chain: steps[0]?.chain ?? null, steps: steps.map(toApprovalStepView) };
  }

  private async trail(m: EntityManager, orderId: string): Promise<ApprovalTrailEntry[]> {
    return (await this.currentChain(m, orderId)).map((s) => ({
      step: s.step,
      status: s.status,
      decidedBy: s.onBehalfOf ? `${s.decidedBy} (for ${s.onBehalfOf})` : s.decidedBy,
      decidedAt: s.decidedAt?.toISOString() ?? null,
      comment: s.comment,
    }));
  }

  /** True when every required step of the current chain is approved: the gate for issuing (R4.2). */
  private async fullyApproved(m: EntityManager, orderId: string): Promise<boolean> {
    const steps = await this.currentChain(m, orderId);
    return steps.length > 0 && steps.every((s) => s.status === 'APPROVED' || s.status === 'SKIPPED');
  }

  async decide(orderId: string, stepParam: string, dto: ApprovalDecisionDto, principal: Principal, ifMatch: number | undefined): Promise<ApprovalDecisionResultView> {
    const step = stepParam.toUpperCase() as ApprovalStep;
    if (!(APPROVAL_STEPS as readonly string[]).includes(step)) {
      throw new BadRequestException({ detail: `unknown approval step ${stepParam}`, errors: [{ field: 'step', message: `one of ${APPROVAL_STEPS.join(', ')}` }] });
    }
    return this.dataSource.transaction(async (m) => {
      const order = await this.orders.lock(m, orderId);
      assertVersion(`order ${order.number}`, order.version, ifMatch);
      if (!canTake(order.status, 'approve')) {
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
      target.status = dto.decision === 'APPROVE' ? 'APPROVED' : 'REJECTED';
      target.decidedBy = principal.username;
      target.onBehalfOf = authority.onBehalfOf;
      target.decidedAt = new Date();
      target.comment = dto.comment;
      await m.save(target);
      const rest = steps.filter((s) => s.status === 'PENDING' && s.step !== step);
      const audit = dto.decision === 'APPROVE' ? 'approval.approved' : 'approval.rejected';
      const decided = { step: toApprovalStepView(target) };
      let status = order.status;
      if (dto.decision === 'REJECT' || rest.length === 0) {
        // The last approval, or any rejection, moves the order (R4.1); a rejection cancels the steps still pending.
        const moved = await this.lifecycle.transition(m, orderId, {
          action: dto.decision === 'REJECT' ? 'rejectApproval' : 'approve',
          audit,
          reason: dto.comment,
          effects: async () => {
            if (dto.decision !== 'REJECT') return;
            for (const s of rest) {
              s.status = 'CANCELLED';
              await m.save(s);
            }
          },
          detail: () => decided,
        });
        status = moved.status;
      } else {
        await this.audit.record(m, {
          action: audit,
          entityType: 'order',
          entityId: orderId,
          orderId,
          reason: dto.comment,
          before: { orderStatus: order.status, step, status: 'PENDING' },
          after: { ...decided.step, orderStatus: order.status },
        });
      }
      return { status, steps: (await this.currentChain(m, orderId)).map(toApprovalStepView) };
    });
  }

  async delegate(dto: CreateDelegationDto, principal: Principal): Promise<DelegationView> {
    if (!holdsStep(principal, dto.step)) {
      throw new ProblemException(403, `only an approver of ${dto.step} can delegate it; you are ${principal.department} ${principal.role}`);
    }
    if (dto.delegate === principal.username) {
      throw new BadRequestException({ detail: 'a delegation names someone else', errors: [{ field: 'delegate', message: 'must not be yourself' }] });
    }
    const wrongDelegate = delegateProblem(principal, dto.delegate, this.users.find(dto.delegate), this.users.known);
    if (wrongDelegate) throw new BusinessRuleProblem(`delegate ${wrongDelegate}`, { errors: [{ field: 'delegate', message: wrongDelegate }] });
    const validFrom = new Date(dto.validFrom);
    const validTo = new Date(dto.validTo);
    if (!(validFrom < validTo)) {
      throw new BadRequestException({ detail: 'validTo must be after validFrom', errors: [{ field: 'validTo', message: 'must be after validFrom' }] });
    }
    return inTransaction(this.dataSource, async (m) => {
      const record = await m.save(
        m.create(DelegationRecord, { id: randomUUID(), step: dto.step, delegator: principal.username, delegate: dto.delegate, validFrom, validTo, reason: dto.reason, revokedAt: null }),
      );
      await this.audit.record(m, { action: 'approval.delegated', entityType: 'delegation', entityId: record.id, reason: dto.reason, after: record });
      return toDelegationView(record);
    });
  }

  async delegations(): Promise<DelegationsView> {
    const items = await this.dataSource.getRepository(DelegationRecord).find({ order: { createdAt: 'DESC' }, take: 200 });
    return { items: items.map(toDelegationView) };
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
