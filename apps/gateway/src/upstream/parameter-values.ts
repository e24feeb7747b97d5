import type { ServiceName } from '@opm/contracts';

/** The values one service accepts for a path parameter of one of its operations. */
export interface ParameterValues {
  service: ServiceName;
  method: string;
  template: string;
  parameter: string;
  values: readonly string[];
}

/**
 * Values that services accept for a path parameter but do not yet list in their OpenAPI documents, for the
 * one operation several services declare alike: the platform's review tasks (`ReviewTasksModule`) declare
 * `POST /orders/{id}/review/{department}/opinion` in every reviewing service, and the department names the
 * service (R3.7; the technical review is production's). Used only where a document lists no `enum` of its
 * own: once the module declares the parameter's values (`@ApiParam({ name: 'department', enum })`), this goes.
 */
export const UNDECLARED_PARAMETER_VALUES: readonly ParameterValues[] = (
  [
    ['production', ['TECHNICAL', 'PRODUCTION']],
    ['quality', ['QUALITY']],
    ['purchasing', ['PURCHASING']],
    ['finance', ['FINANCE']],
  ] as const
).map(([service, values]) => ({ service, method: 'POST', template: '/orders/{id}/review/{department}/opinion', parameter: 'department', values }));
