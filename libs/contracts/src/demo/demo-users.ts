import type { Department, Role } from '../enums';

/** The demo users of API.md: username = department.role, `leader` = MANAGEMENT/LEADER. */
export const DEMO_USERS: readonly { username: string; department: Department; role: Role }[] = [
  { username: 'sales.staff', department: 'SALES', role: 'STAFF' },
  { username: 'sales.head', department: 'SALES', role: 'HEAD' },
  { username: 'marketing.staff', department: 'MARKETING', role: 'STAFF' },
  { username: 'technical.head', department: 'TECHNICAL', role: 'HEAD' },
  { username: 'production.staff', department: 'PRODUCTION', role: 'STAFF' },
  { username: 'production.head', department: 'PRODUCTION', role: 'HEAD' },
  { username: 'quality.head', department: 'QUALITY', role: 'HEAD' },
  { username: 'purchasing.head', department: 'PURCHASING', role: 'HEAD' },
  { username: 'finance.staff', department: 'FINANCE', role: 'STAFF' },
  { username: 'finance.head', department: 'FINANCE', role: 'HEAD' },
  { username: 'logistics.staff', department: 'LOGISTICS', role: 'STAFF' },
  { username: 'leader', department: 'MANAGEMENT', role: 'LEADER' },
  { username: 'archive.staff', department: 'ARCHIVE', role: 'STAFF' },
];
