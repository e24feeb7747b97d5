import type { Department, Role } from '../enums';

/**
 * The demo users of API.md: username = department.role, `leader` = MANAGEMENT/LEADER; each has an address on the
 * demo company's domain, so escalations (R6.5) can be mailed to leadership and heads.
 */
export const DEMO_USERS: readonly { username: string; department: Department; role: Role; email: string }[] = [
  { username: 'sales.staff', department: 'SALES', role: 'STAFF', email: 'sales.staff@acme.example' },
  { username: 'sales.head', department: 'SALES', role: 'HEAD', email: 'sales.head@acme.example' },
  { username: 'marketing.staff', department: 'MARKETING', role: 'STAFF', email: 'marketing.staff@acme.example' },
  { username: 'technical.head', department: 'TECHNICAL', role: 'HEAD', email: 'technical.head@acme.example' },
  { username: 'production.staff', department: 'PRODUCTION', role: 'STAFF', email: 'production.staff@acme.example' },
  { username: 'production.head', department: 'PRODUCTION', role: 'HEAD', email: 'production.head@acme.example' },
  { username: 'quality.head', department: 'QUALITY', role: 'HEAD', email: 'quality.head@acme.example' },
  { username: 'purchasing.head', department: 'PURCHASING', role: 'HEAD', email: 'purchasing.head@acme.example' },
  { username: 'finance.staff', department: 'FINANCE', role: 'STAFF', email: 'finance.staff@acme.example' },
  { username: 'finance.head', department: 'FINANCE', role: 'HEAD', email: 'finance.head@acme.example' },
  { username: 'logistics.staff', department: 'LOGISTICS', role: 'STAFF', email: 'logistics.staff@acme.example' },
  { username: 'leader', department: 'MANAGEMENT', role: 'LEADER', email: 'leader@acme.example' },
  { username: 'archive.staff', department: 'ARCHIVE', role: 'STAFF', email: 'archive.staff@acme.example' },
];
