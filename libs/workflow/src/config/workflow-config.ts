import { z } from 'zod';
import { parseAppConfig } from '@opm/platform';

const seconds = z.coerce.number().int().min(1);

const schema = z.object({
  /** How long a reviewing department has to answer a review task (R3.7); per department with a suffix. */
  REVIEW_DUE_SECONDS: seconds.default(86_400),
  REVIEW_DUE_SECONDS_TECHNICAL: seconds.optional(),
  REVIEW_DUE_SECONDS_PRODUCTION: seconds.optional(),
  REVIEW_DUE_SECONDS_QUALITY: seconds.optional(),
  REVIEW_DUE_SECONDS_PURCHASING: seconds.optional(),
  REVIEW_DUE_SECONDS_FINANCE: seconds.optional(),
  /** A clear automatic assessment confirms the task by itself; unset, it follows DEMO_DATA. Never for major orders. */
  REVIEW_AUTO_CONFIRM: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true' || v === '1')),
  /** How often overdue review tasks are looked for. */
  REVIEW_SCAN_MS: z.coerce.number().int().min(50).default(5000),
});

/** The settings of the order-workflow kits (review tasks), owned by this library rather than by the platform. */
export type WorkflowConfig = z.infer<typeof schema>;
export const WORKFLOW_CONFIG = Symbol('WORKFLOW_CONFIG');

/**
 * Validated once at boot, like the platform's and each service's own settings: a bad one stops the service and
 * names the variable (N6). A service that uses the workflow kits provides it with
 * `AppConfigModule.forRoot(WORKFLOW_CONFIG, loadWorkflowConfig())`.
 */
export function loadWorkflowConfig(env?: NodeJS.ProcessEnv): WorkflowConfig {
  return parseAppConfig(schema, env);
}
