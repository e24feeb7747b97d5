/** Departments of the company (API.md "Departments, roles"). */
export const DEPARTMENTS = [
  'SALES',
  'MARKETING',
  'TECHNICAL',
  'PRODUCTION',
  'QUALITY',
  'PURCHASING',
  'FINANCE',
  'LOGISTICS',
  'MANAGEMENT',
  'ARCHIVE',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const ROLES = ['STAFF', 'HEAD', 'LEADER'] as const;
export type Role = (typeof ROLES)[number];

/** Departments that review an order (R3.1). */
export const REVIEW_DEPARTMENTS = ['TECHNICAL', 'PRODUCTION', 'QUALITY', 'PURCHASING', 'FINANCE'] as const;
export type ReviewDepartment = (typeof REVIEW_DEPARTMENTS)[number];

/** The deployable services (N1): one per executing department, plus sales which leads the process. */
export const DEPARTMENT_SERVICES = ['production', 'purchasing', 'quality', 'finance', 'logistics'] as const;
export type DepartmentService = (typeof DEPARTMENT_SERVICES)[number];
export const SERVICES = ['sales', ...DEPARTMENT_SERVICES] as const;
/** The services that review orders (R3.1): production for TECHNICAL and PRODUCTION, the others for their own. */
export const REVIEWING_SERVICES = ['production', 'purchasing', 'quality', 'finance'] as const satisfies readonly DepartmentService[];
export type ServiceName = (typeof SERVICES)[number];

/** Order status, owned by sales (API.md "Order status", R1.1). */
export const ORDER_STATUSES = [
  'RECEIVED',
  'AWAITING_INFO',
  'ESCALATED',
  'REJECTED',
  'UNDER_REVIEW',
  'REVIEW_FAILED',
  'AWAITING_APPROVAL',
  'APPROVED',
  'ISSUED',
  'IN_EXECUTION',
  'READY_TO_SHIP',
  'SHIPPED',
  'DELIVERED',
  'INVOICED',
  'SETTLED',
  'CANCELLED',
  'ARCHIVED',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** How an order reached sales (R2.1). */
export const ORDER_CHANNELS = [
  'PHONE',
  'EMAIL',
  'FAX',
  'VISIT',
  'MARKETING_LEAD',
  'PARTNER_REFERRAL',
  'TRADE_SHOW',
  'OTHER',
] as const;
export type OrderChannel = (typeof ORDER_CHANNELS)[number];

/** The approval chain's steps (R4.1), in their default order. */
export const APPROVAL_STEPS = ['SALES_HEAD', 'DIVISION_LEADER', 'FINANCE'] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];
