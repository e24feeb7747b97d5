import { DEPARTMENT_SERVICES, ServiceName } from '@opm/contracts';

/** Public resources owned by a service other than the one their first path segment names. */
const OWNED_ELSEWHERE: Record<string, ServiceName> = {
  products: 'production',
  'work-centres': 'production',
  suppliers: 'purchasing',
};

/** Which service holds a reviewing department's tasks (the technical review is production's engineering module). */
const REVIEWER_SERVICE: Record<string, ServiceName> = {
  technical: 'production',
  production: 'production',
  quality: 'quality',
  purchasing: 'purchasing',
  finance: 'finance',
};

/**
 * Sub-resources owned by another service than their parent: finance owns credit accounts (R2.4); a department
 * answers its own review task (R3.7).
 */
const SUBRESOURCES: { pattern: RegExp; service: (match: RegExpExecArray) => ServiceName | undefined }[] = [
  { pattern: /^\/customers\/[^/?]+\/credit(?:[/?]|$)/, service: () => 'finance' },
  { pattern: /^\/orders\/[^/?]+\/review\/([^/?]+)\/opinion(?:[/?]|$)/, service: (m) => REVIEWER_SERVICE[m[1].toLowerCase()] },
];

/**
 * Which service owns a public path (under /api/v1): `/production/...` -> production, and so on for every
 * department; a few catalog resources live with their owner; everything else (orders, customers, leads)
 * belongs to sales, which leads the process.
 */
export function serviceForPath(path: string): ServiceName {
  for (const sub of SUBRESOURCES) {
    const match = sub.pattern.exec(path);
    const service = match && sub.service(match);
    if (service) return service;
  }
  const first = path.replace(/^\/+/, '').split(/[/?]/)[0];
  if ((DEPARTMENT_SERVICES as readonly string[]).includes(first)) return first as ServiceName;
  return OWNED_ELSEWHERE[first] ?? 'sales';
}
