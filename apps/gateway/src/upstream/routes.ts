import { DEPARTMENT_SERVICES, ServiceName } from '@opm/contracts';

/** Public resources owned by a service other than the one their first path segment names. */
const OWNED_ELSEWHERE: Record<string, ServiceName> = {
  products: 'production',
  'work-centres': 'production',
  suppliers: 'purchasing',
};

/** Sub-resources owned by another service than their parent (finance owns credit accounts, R2.4). */
const SUBRESOURCES: { pattern: RegExp; service: ServiceName }[] = [{ pattern: /^\/customers\/[^/?]+\/credit(?:[/?]|$)/, service: 'finance' }];

/**
 * Which service owns a public path (under /api/v1): `/production/...` -> production, and so on for every
 * department; a few catalog resources live with their owner; everything else (orders, customers, leads)
 * belongs to sales, which leads the process.
 */
export function serviceForPath(path: string): ServiceName {
  const sub = SUBRESOURCES.find((s) => s.pattern.test(path));
  if (sub) return sub.service;
  const first = path.replace(/^\/+/, '').split(/[/?]/)[0];
  if ((DEPARTMENT_SERVICES as readonly string[]).includes(first)) return first as ServiceName;
  return OWNED_ELSEWHERE[first] ?? 'sales';
}
