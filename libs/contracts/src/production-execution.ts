/** Production plan statuses (API.md "Execution", R5.1). */
export const PLAN_STATUSES = ['DRAFT', 'RELEASED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** A plan task's statuses (R5.1). */
export const PLAN_TASK_STATUSES = ['PLANNED', 'IN_PROGRESS', 'DONE'] as const;
export type PlanTaskStatus = (typeof PLAN_TASK_STATUSES)[number];

/** Kinds of problem production records against a plan (R5.1). */
export const PRODUCTION_PROBLEM_KINDS = ['EQUIPMENT_FAILURE', 'STAFF_SHORTAGE', 'MATERIAL_LATE', 'TECHNICAL', 'OTHER'] as const;
export type ProductionProblemKind = (typeof PRODUCTION_PROBLEM_KINDS)[number];

export const PROBLEM_SEVERITIES = ['MINOR', 'MAJOR'] as const;
export type ProblemSeverity = (typeof PROBLEM_SEVERITIES)[number];

/** Where a quality checkpoint of a plan comes from: quality's review (R3.4) or production's standard final check. */
export const CHECKPOINT_SOURCES = ['QUALITY_REVIEW', 'STANDARD'] as const;
export type CheckpointSource = (typeof CHECKPOINT_SOURCES)[number];
