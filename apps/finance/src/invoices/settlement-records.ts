/** One settlement record (R7.4): a payment with its date, amount, method, customer, order and invoice. */
export interface SettlementRecord {
  paymentId: string;
  paidAt: string;
  amount: string;
  currency: string;
  method: string;
  reference: string | null;
  customerId: string;
  customerName: string | null;
  orderId: string;
  orderNumber: string;
  invoiceId: string;
  invoiceNumber: string;
  recordedBy: string;
}

const COLUMNS: (keyof SettlementRecord)[] = ['paidAt', 'amount', 'currency', 'method', 'reference', 'customerId', 'customerName', 'orderNumber', 'invoiceNumber', 'recordedBy', 'paymentId', 'orderId', 'invoiceId'];

/**
 * A CSV field (RFC 4180): quoted when it holds a comma, quote or line break, quotes doubled. A text that a spreadsheet
 * would run as a formula (=, +, -, @ first) gets a leading apostrophe; amounts are never text of that kind here.
 */
function field(value: string | null, isAmount: boolean): string {
  if (value === null) return '';
  const safe = !isAmount && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The settlement records as CSV (R7.4): a header row, then one row per payment, CRLF line ends. */
export function settlementRecordsCsv(records: readonly SettlementRecord[]): string {
  const rows = [COLUMNS.join(','), ...records.map((r) => COLUMNS.map((c) => field(r[c], c === 'amount')).join(','))];
  return `${rows.join('\r\n')}\r\n`;
}
