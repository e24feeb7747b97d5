import type { EntityManager } from 'typeorm';
import type { Assessment, ReviewDepartment, ReviewOrderSnapshot } from '@opm/contracts';

export interface AssessmentContext {
  round: number;
  major: boolean;
  /** When the review started: the reference for "between now and the delivery date". */
  now: Date;
}

/**
 * A department's automatic assessment of an order from its own data (R3.2-R3.6): technical capability,
 * production capacity, attainable quality, materials and suppliers, cost and margin. Reads only; the task
 * mechanism stores it, shows it to the reviewer and decides whether it may be auto-confirmed.
 */
export interface ReviewAssessor {
  readonly department: ReviewDepartment;
  assess(m: EntityManager, order: ReviewOrderSnapshot, ctx: AssessmentContext): Promise<Assessment>;
}
