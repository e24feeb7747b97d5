import { DEPARTMENTS, Department, ROLES, Role } from '@opm/contracts';

/** Who is calling: every user belongs to one department and has one role (R1.2). */
export interface Principal {
  username: string;
  department: Department;
  role: Role;
}

export const isDepartment = (v: unknown): v is Department => typeof v === 'string' && (DEPARTMENTS as readonly string[]).includes(v);
export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

/**
 * Who may act, written `DEPARTMENT`, `DEPARTMENT:ROLE`, `*:ROLE` or `*` (any authenticated user).
 * `SALES` is anyone in sales; `SALES:HEAD` only its head; `*:LEADER` a leader of any department.
 */
export type AccessRule = Department | `${Department}:${Role}` | `*:${Role}` | '*';

export function matches(principal: Principal, rule: AccessRule): boolean {
  if (rule === '*') return true;
  const [department, role] = rule.split(':');
  return (department === '*' || department === principal.department) && (role === undefined || role === principal.role);
}

export function isAllowed(principal: Principal, rules: readonly AccessRule[]): boolean {
  return rules.length === 0 || rules.some((r) => matches(principal, r));
}

export function describeRules(rules: readonly AccessRule[]): string {
  return rules
    .map((r) => {
      if (r === '*') return 'any authenticated user';
      const [d, role] = r.split(':');
      const who = d === '*' ? 'any department' : d;
      return role ? `${who} ${role}` : `${who} (any role)`;
    })
    .join(' or ');
}
