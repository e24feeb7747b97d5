import { z } from 'zod';
import { APPROVAL_STEPS, CancellationLossSchema, CANCELLING_DEPARTMENTS, CHANGE_KINDS, FieldChangeSchema, IMPACT_DEPARTMENTS, LossEstimateSchema, RequestedChangesSchema } from '@opm/contracts';
import { apiView, ViewOf } from '@opm/platform';
import { cancellationProgress, REQUEST_STATUSES } from './change-rules';
import type { CancellationStep, ChangeApproval, ChangeImpact, ChangeRequest, OrderVersion } from './change-request.entities';

export const ChangeRequestViewDef = apiView(
  'ChangeRequest',
  z.object({
    id: z.uuid(),
    orderId: z.uuid(),
    kind: z.enum(CHANGE_KINDS),
    status: z.enum(REQUEST_STATUSES),
    reason: z.string(),
    changes: RequestedChangesSchema,
    fieldChanges: z.array(FieldChangeSchema).describe('what the request changes, field by field (old -> new)'),
    requestedBy: z.string().nullable(),
    requestedAt: z.iso.datetime({ offset: true }),
    impacts: z.array(
      z.object({
        department: z.enum(IMPACT_DEPARTMENTS),
        status: z.enum(['OPEN', 'DONE']),
        assessment: z
          .object({ feasible: z.boolean(), summary: z.string(), details: z.record(z.string(), z.unknown()), loss: CancellationLossSchema.nullable(), assessedAt: z.iso.datetime({ offset: true }) })
          .nullable()
          .describe("the department's computed impact; null until it arrived"),
        conclusion: z.enum(['PASS', 'FAIL']).nullable(),
        impact: z.string().nullable(),
        opinion: z.string().nullable(),
        answeredBy: z.string().nullable(),
        answeredAt: z.iso.datetime({ offset: true }).nullable(),
      }),
    ),
    approvals: z.array(
      z.object({
        step: z.enum(APPROVAL_STEPS),
        seq: z.number().int(),
        status: z.enum(['PENDING', 'APPROVED', 'REJECTED']),
        decidedBy: z.string().nullable(),
        decidedAt: z.iso.datetime({ offset: true }).nullable(),
        comment: z.string().nullable(),
      }),
    ),
    loss: LossEstimateSchema.nullable().describe("a cancellation's estimated loss (R8.4): production's work done, purchasing's committed materials and fees; null for a change"),
    cancellation: z
      .object({
        departments: z.array(
          z.object({ department: z.enum(CANCELLING_DEPARTMENTS), status: z.enum(['PENDING', 'DONE', 'CANNOT_COMPLY']), detail: z.string().nullable(), confirmedAt: z.iso.datetime({ offset: true }).nullable() }),
        ),
        waitingFor: z.array(z.enum(CANCELLING_DEPARTMENTS)).describe('who has not confirmed yet (R8.6)'),
        cannotComply: z.array(z.enum(CANCELLING_DEPARTMENTS)).describe('who answered that it cannot (goods already shipped)'),
      })
      .nullable()
      .describe('an approved cancellation carried out by each department (R8.5); null before approval and for a change'),
    outcome: z.string().nullable().describe('why it was rejected; null otherwise'),
    appliedVersion: z.number().int().nullable().describe('the order version an applied change made'),
    closedAt: z.iso.datetime({ offset: true }).nullable(),
  }),
);
export type ChangeRequestView = ViewOf<typeof ChangeRequestViewDef>;

export const ChangeRequestListDef = apiView('ChangeRequestList', z.object({ items: z.array(ChangeRequestViewDef.schema) }));
export type ChangeRequestListView = ViewOf<typeof ChangeRequestListDef>;

export const OrderVersionsDef = apiView(
  'OrderVersions',
  z.object({
    items: z.array(
      z.object({
        version: z.number().int().describe('1 is the order as recorded and issued; each applied change adds one'),
        requestId: z.uuid().nullable(),
        reason: z.string().nullable(),
        changes: z.array(FieldChangeSchema),
        changedBy: z.string().nullable(),
        changedAt: z.iso.datetime({ offset: true }),
      }),
    ),
  }),
);
export type OrderVersionsView = ViewOf<typeof OrderVersionsDef>;

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function toChangeRequestView(r: ChangeRequest, fieldChanges: ChangeRequestView['fieldChanges'], impacts: ChangeImpact[], approvals: ChangeApproval[], steps: CancellationStep[]): ChangeRequestView {
  const ordered = [...steps].sort((a, b) => CANCELLING_DEPARTMENTS.indexOf(a.department) - CANCELLING_DEPARTMENTS.indexOf(b.department));
  const progress = cancellationProgress(ordered);
  return {
    id: r.id,
    orderId: r.orderId,
    kind: r.kind,
    status: r.status,
    reason: r.reason,
    changes: r.changes,
    fieldChanges,
    requestedBy: r.requestedBy,
    requestedAt: r.requestedAt.toISOString(),
    impacts: [...impacts]
      .sort((a, b) => IMPACT_DEPARTMENTS.indexOf(a.department) - IMPACT_DEPARTMENTS.indexOf(b.department))
      .map((i) => ({
        department: i.department,
        status: i.status,
        assessment: i.assessment,
        conclusion: i.conclusion,
        impact: i.impact,
        opinion: i.opinion,
        answeredBy: i.answeredBy,
        answeredAt: iso(i.answeredAt),
      })),
    approvals: [...approvals].sort((a, b) => a.seq - b.seq).map((a) => ({ step: a.step, seq: a.seq, status: a.status, decidedBy: a.decidedBy, decidedAt: iso(a.decidedAt), comment: a.comment })),
    loss: r.loss,
    cancellation:
      ordered.length === 0
        ? null
        : {
            departments: ordered.map((s) => ({ department: s.department, status: s.status, detail: s.detail, confirmedAt: iso(s.confirmedAt) })),
            waitingFor: progress.waitingFor,
            cannotComply: progress.cannotComply,
          },
    outcome: r.outcome,
    appliedVersion: r.appliedVersion,
    closedAt: iso(r.closedAt),
  };
}

export function versionEntry(v: OrderVersion, reason: string | null): OrderVersionsView['items'][number] {
  return { version: v.version, requestId: v.requestId, reason, changes: v.changes, changedBy: v.changedBy, changedAt: v.changedAt.toISOString() };
}
