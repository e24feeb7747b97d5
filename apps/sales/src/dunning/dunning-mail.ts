import { fromMinorUnits, type FinanceInvoiceDunned } from '@opm/contracts';
import { formatMoney } from '../documents/formatting';

export type DunningMailLevel = FinanceInvoiceDunned['level'];

export interface DunningMailFacts {
  level: DunningMailLevel;
  invoiceNumber: string;
  /** Integer minor units, as finance's event carries it. */
  outstanding: number;
  currency: string;
  dueDate: string;
  daysOverdue: number;
  toName?: string | null;
}

const WORDING: Record<DunningMailLevel, { subject: string; subjectZh: string; lead: string; leadZh: string; close: string; closeZh: string }> = {
  REMINDER: {
    subject: 'Payment reminder',
    subjectZh: '付款提醒',
    lead: 'This is a friendly reminder that the following invoice is past its due date and not yet paid in full.',
    leadZh: '温馨提醒：以下发票已过付款期限，尚未全额付款。',
    close: 'If you have already paid, please disregard this reminder.',
    closeZh: '如您已付款，请忽略本提醒。',
  },
  FINAL_NOTICE: {
    subject: 'Final notice',
    subjectZh: '最后催款通知',
    lead: 'Despite our reminder, the following invoice remains unpaid. This is our final notice before we take further steps.',
    leadZh: '尽管我们已发出提醒，以下发票仍未付款。这是我们采取进一步措施前的最后通知。',
    close: 'Please pay the amount outstanding within 7 days.',
    closeZh: '请于7日内支付未付金额。',
  },
  LEGAL: {
    subject: 'Handed over to our legal department',
    subjectZh: '已移交法务部门',
    lead: 'As the following invoice remains unpaid after our final notice, it has been handed over to our legal department for collection.',
    leadZh: '由于以下发票在最后通知后仍未付款，已移交我司法务部门处理催收。',
    close: 'Please contact us immediately to settle the amount outstanding.',
    closeZh: '请立即与我们联系以结清未付金额。',
  },
};

/** The dunning e-mail per level (R7.3, issue 16 item 4): reminder, final notice, hand-over to legal; English then Chinese. */
export function composeDunningMail(f: DunningMailFacts): { subject: string; text: string } {
  const w = WORDING[f.level];
  const amount = `${formatMoney(fromMinorUnits(BigInt(f.outstanding)))} ${f.currency}`;
  const english = [
    `Dear ${f.toName?.trim() || 'customer'},`,
    '',
    w.lead,
    '',
    `Invoice: ${f.invoiceNumber}`,
    `Amount outstanding: ${amount}`,
    `Due date: ${f.dueDate}`,
    `Days overdue: ${f.daysOverdue}`,
    '',
    w.close,
    '',
    'Kind regards,',
    'Sales department',
  ].join('\n');
  const chinese = [
    `尊敬的${f.toName?.trim() || '客户'}：`,
    '',
    w.leadZh,
    '',
    `发票号：${f.invoiceNumber}`,
    `未付金额：${amount}`,
    `到期日：${f.dueDate}`,
    `逾期天数：${f.daysOverdue}`,
    '',
    w.closeZh,
    '',
    '销售部',
  ].join('\n');
  return { subject: `${w.subject} / ${w.subjectZh}: ${f.invoiceNumber}`, text: `${english}\n\n------------------------------\n\n${chinese}` };
}
