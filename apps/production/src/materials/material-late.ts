import type { PlanStatus } from '@opm/contracts';

/** What purchasing told production about an order's material (R5.2). */
export type MaterialNews =
  | { kind: 'DELAYED'; contractNumber: string; materials: readonly string[]; newDeliveryDate: string; reason: string }
  | { kind: 'OVERDUE'; contractNumber: string; materials: readonly string[]; deliveryDate: string }
  | { kind: 'REJECTED'; contractNumber: string; materials: readonly string[]; disposition: string | null; note: string | null };

export interface PlanForMaterials {
  status: PlanStatus;
  /** The tasks' planned starts (ISO timestamps, UTC). */
  taskStarts: readonly string[];
  /** Problems of the plan still OPEN. */
  openProblems: readonly { kind: string; description: string }[];
}

/** The plans a problem can still be raised on (the same as production's plan rules allow). */
const ACTIVE: readonly PlanStatus[] = ['DRAFT', 'RELEASED', 'IN_PROGRESS'];

/**
 * Whether late or rejected material endangers the order's plan (R5.1, R5.2), and the MATERIAL_LATE problem to raise:
 * - material must be in before the plan's first task starts: a new delivery date on or after that day endangers it;
 * - an overdue contract or rejected goods leave the delivery date unknown: that endangers any plan with tasks;
 * - a completed or stopped plan, or one without tasks, is not endangered;
 * - one open MATERIAL_LATE problem per contract: news about a contract that already has one raises nothing more.
 * Returns the problem's description, or null when nothing is to be raised.
 */
export function materialLateProblem(plan: PlanForMaterials, news: MaterialNews): string | null {
  if (!ACTIVE.includes(plan.status) || plan.taskStarts.length === 0) return null;
  if (plan.openProblems.some((p) => p.kind === 'MATERIAL_LATE' && p.description.includes(news.contractNumber))) return null;
  const firstStartDay = [...plan.taskStarts].sort()[0].slice(0, 10);
  const materials = news.materials.length > 0 ? news.materials.join(', ') : 'material';
  switch (news.kind) {
    case 'DELAYED':
      if (news.newDeliveryDate < firstStartDay) return null;
      return `${materials} of purchase contract ${news.contractNumber} now arrives ${news.newDeliveryDate}, not before the plan's first task starts on ${firstStartDay} (${news.reason})`;
    case 'OVERDUE':
      return `${materials} of purchase contract ${news.contractNumber} is overdue since ${news.deliveryDate}: arrival unknown, the plan's first task starts on ${firstStartDay}`;
    case 'REJECTED':
      return `${materials} of purchase contract ${news.contractNumber} was rejected at incoming inspection (${news.disposition ?? 'no disposition'}${news.note ? `: ${news.note}` : ''}): replacement date unknown, the plan's first task starts on ${firstStartDay}`;
  }
}
