import type { Department } from '@opm/contracts';
import type { EscalationKind } from './escalation.entity';

export interface DirectoryEntry {
  username: string;
  department: Department;
  role: string;
  email?: string | null;
}

/** Who is told of an escalation (R6.5): every leader, and the head of the department it is about; only those with an address. */
export function escalationRecipients(users: readonly DirectoryEntry[], department: string): string[] {
  const told = users.filter((u) => u.role === 'LEADER' || (u.role === 'HEAD' && u.department === department));
  return [...new Set(told.map((u) => u.email?.trim()).filter((e): e is string => !!e))].sort();
}

const TITLES: Record<EscalationKind, string> = {
  MAJOR_PROBLEM: 'Major problem / 重大问题',
  LATE_REVIEW: 'Review overdue / 评审逾期',
  LATE_ACKNOWLEDGEMENT: 'Issued order not acknowledged / 下达订单未确认',
  SUPPLIER_OVERDUE: 'Supplier delivery overdue / 供应商交货逾期',
  SUPPLIER_DELAY: 'Supplier delay endangers the promised date / 供应商延期危及承诺交期',
};

/** The escalation e-mail (R6.5): what happened, to which order, whose it is, and the dates that are at stake. */
export function composeEscalationMail(e: { kind: EscalationKind; orderNumber: string; department: string; summary: string; raisedAt: Date; promisedDate: string | null; expectedDate: string | null }): { subject: string; text: string } {
  return {
    subject: `[Escalation] ${TITLES[e.kind]}: ${e.orderNumber}`,
    text: [
      `Order ${e.orderNumber} is escalated at once (R6.5).`,
      '',
      `What: ${TITLES[e.kind]}`,
      `Department: ${e.department}`,
      `Details: ${e.summary}`,
      `Raised at: ${e.raisedAt.toISOString()}`,
      `Promised delivery date: ${e.promisedDate ?? 'none'}`,
      `Expected delivery date: ${e.expectedDate ?? 'unknown'}`,
      '',
      `订单 ${e.orderNumber} 已立即升级处理。`,
    ].join('\n'),
  };
}
