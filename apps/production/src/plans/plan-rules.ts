import type { CheckpointSource, PlanStatus, PlanTaskStatus } from '@opm/contracts';

/** What can be done to a plan, and in which statuses (R5.1). */
export type PlanAction = 'release' | 'progress' | 'raise-problem' | 'resolve-problem' | 'complete' | 'stop' | 'reschedule' | 'update-checkpoints';

const ALLOWED: Record<PlanAction, readonly PlanStatus[]> = {
  release: ['DRAFT'],
  progress: ['RELEASED', 'IN_PROGRESS'],
  'raise-problem': ['DRAFT', 'RELEASED', 'IN_PROGRESS'],
  'resolve-problem': ['DRAFT', 'RELEASED', 'IN_PROGRESS'],
  complete: ['RELEASED', 'IN_PROGRESS'],
  stop: ['DRAFT', 'RELEASED', 'IN_PROGRESS'],
  reschedule: ['DRAFT'],
  'update-checkpoints': ['DRAFT'],
};

/** Plans whose remaining hours hold capacity in the load ledger (R3.3): drafted, released, being produced. */
export const holdsCapacity = (status: PlanStatus): boolean => status === 'DRAFT' || status === 'RELEASED' || status === 'IN_PROGRESS';

/** Why the action is refused in this status (a 409 naming it), or null when it may go ahead. */
export function actionRefusal(status: PlanStatus, action: PlanAction): string | null {
  if (ALLOWED[action].includes(status)) return null;
  return `the plan is ${status}: ${action} needs ${ALLOWED[action].join(' or ')}`;
}

/** A progress report's effect: the task is DONE at 100 %, and the plan is IN_PROGRESS from the first report. */
export function progressOutcome(percent: number): { taskStatus: PlanTaskStatus; planStatus: PlanStatus } {
  return { taskStatus: percent >= 100 ? 'DONE' : 'IN_PROGRESS', planStatus: 'IN_PROGRESS' };
}

export interface CompletionInput {
  quantityOrdered: number;
  quantityProduced: number;
  reason: string | null | undefined;
  tasks: readonly { name: string; status: PlanTaskStatus }[];
  openProblems: readonly { id: string; severity: string; description: string }[];
}

export type CompletionRefusal = { status: 409; detail: string } | { status: 422; detail: string; errors: { field: string; message: string }[] };

/**
 * Completion (R5.1): refused (409) while a problem is open or a task is not done; a quantity above the ordered
 * one is a business refusal (422 naming `reason`) unless a reason says why.
 */
export function completionRefusal(input: CompletionInput): CompletionRefusal | null {
  if (input.openProblems.length > 0) {
    const listed = input.openProblems.map((p) => `${p.severity} ${p.description}`).join('; ');
    return { status: 409, detail: `${input.openProblems.length} problem${input.openProblems.length > 1 ? 's are' : ' is'} still open: ${listed}` };
  }
  const pending = input.tasks.filter((t) => t.status !== 'DONE');
  if (pending.length > 0) return { status: 409, detail: `tasks not done: ${pending.map((t) => t.name).join('; ')}` };
  if (input.quantityProduced > input.quantityOrdered && !input.reason?.trim()) {
    return {
      status: 422,
      detail: `${input.quantityProduced} produced is more than the ${input.quantityOrdered} ordered: say why in reason`,
      errors: [{ field: 'reason', message: `required when quantityProduced exceeds the ordered ${input.quantityOrdered}` }],
    };
  }
  return null;
}

export interface PlanCheckpoint {
  name: string;
  source: CheckpointSource;
}

/** The standard check every plan ends with, besides what quality asked for in review. */
export const FINAL_CHECK = 'final inspection of the finished order by quality before it is released for shipping';

/** Checkpoints (R5.1): quality's control measures from its review (R3.4), each once, then the standard final check. */
export function planCheckpoints(controlMeasures: readonly string[]): PlanCheckpoint[] {
  return [...new Set(controlMeasures.map((m) => m.trim()).filter((m) => m.length > 0))]
    .map((name): PlanCheckpoint => ({ name, source: 'QUALITY_REVIEW' }))
    .concat({ name: FINAL_CHECK, source: 'STANDARD' });
}

/** The control measures in a quality review's assessment details (R3.4), whatever else the details hold. */
export function controlMeasuresOf(details: Record<string, unknown>): string[] {
  const measures = details.controlMeasures;
  return Array.isArray(measures) ? measures.filter((m): m is string => typeof m === 'string') : [];
}
