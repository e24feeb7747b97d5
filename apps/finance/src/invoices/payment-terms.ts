import { addDays } from '@opm/contracts';

/** An order's payment terms as finance reads them: the balance is due `days` after the invoice (or after the end of its month). */
export interface PaymentTerms {
  days: number;
  /** "30 days end of month", "月结30天": counted from the last day of the invoice's month. */
  endOfMonth: boolean;
  /** "50% advance, balance 60 days": the share paid before delivery; the invoice's due date is the balance's. */
  advancePercent: number | null;
}

const MAX_DAYS = 365;
const DAYS = '(\\d{1,3})';

/** The forms of the balance part, lower-cased with single spaces; each gives its days and whether they count from month end. */
const FORMS: { pattern: RegExp; endOfMonth: boolean; immediate?: boolean }[] = [
  // "due on receipt", "payment on delivery", "immediate", "cash on delivery", "COD", 货到付款, 见票即付
  { pattern: /^(?:(?:due|payment|payable) )?(?:on|upon) (?:receipt|delivery)(?: of (?:the )?(?:invoice|goods))?$|^immediate(?:ly)?$|^(?:cash|payment) on delivery$|^cod$|^货到付款$|^见票即付$/, endOfMonth: false, immediate: true },
  // "30 days end of month", "net 30 eom", "eom 30", 月结30天
  { pattern: new RegExp(`^(?:net )?${DAYS} ?(?:days? )?(?:end of (?:the )?month|eom)$|^eom ${DAYS}$|^月结 ?${DAYS} ?天$`), endOfMonth: true },
  // "30 days net", "net 30", "net 30 days", "30 days", "n30", "30 days after invoice", "within 30 days of invoice date"
  {
    pattern: new RegExp(
      `^(?:net ?)?${DAYS} ?(?:days?)?(?: net)?(?: (?:after|from|of) (?:the )?(?:invoice|delivery)(?: date)?)?$|^n ?${DAYS}$|^(?:payment |payable |due )?(?:with)?in ${DAYS} days?(?: net)?(?: (?:after|from|of) (?:the )?(?:invoice|delivery)(?: date)?)?$|^(?:账期 ?)?${DAYS} ?天$`,
    ),
    endOfMonth: false,
  },
];

// "50% advance, balance 60 days", "30% deposit; balance net 45", "40 % in advance, the rest within 30 days", 预付50%，余款60天
const ADVANCE = /^(\d{1,2}(?:\.\d{1,2})?) ?% ?(?:in )?(?:advance|deposit|prepayment|prepaid|down ?payment|upfront)(?: payment)? ?[,;] ?(?:and )?(?:the )?(?:balance|rest|remainder|remaining)(?: amount)?(?: payable| due)? ?(.+)$/;
const ADVANCE_ZH = /^预付 ?(\d{1,2}(?:\.\d{1,2})?) ?% ?[,，;；]? ?余款 ?(.+)$/;

function balanceTerms(text: string): { days: number; endOfMonth: boolean } | null {
  for (const form of FORMS) {
    const match = form.pattern.exec(text);
    if (!match) continue;
    if (form.immediate) return { days: 0, endOfMonth: false };
    const days = Number(match.slice(1).find((g) => g !== undefined));
    return days <= MAX_DAYS ? { days, endOfMonth: form.endOfMonth } : null;
  }
  return null;
}

/**
 * Reads the common forms of payment terms (R7.1): "30 days net", "net 60", "n30", "45 days end of month", "due on
 * receipt", "50% advance, balance 60 days", and their Chinese forms (货到付款, 月结30天, 预付50%，余款60天). Anything else,
 * or more than 365 days, is null: finance then sets the due date itself. The advance is recorded, not billed apart: the
 * invoice's due date is the balance's.
 */
export function parsePaymentTerms(text: string | null): PaymentTerms | null {
  if (text === null) return null;
  const normal = text
    .trim()
    .toLowerCase()
    .replace(/[.。]+$/, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([,;，；]) ?/g, '$1 ')
    .trim();
  if (!normal) return null;
  const advance = ADVANCE.exec(normal) ?? ADVANCE_ZH.exec(normal);
  if (advance) {
    const percent = Number(advance[1]);
    const balance = balanceTerms(advance[2].trim());
    return percent > 0 && percent < 100 && balance ? { ...balance, advancePercent: percent } : null;
  }
  const terms = balanceTerms(normal);
  return terms ? { ...terms, advancePercent: null } : null;
}

/** The invoice's due date (ISO date) for terms and the invoice's issue date. */
export function dueDateFor(terms: PaymentTerms, issueDate: string): string {
  if (!terms.endOfMonth) return addDays(issueDate, terms.days);
  const [year, month] = issueDate.split('-').map(Number);
  const monthEnd = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return addDays(monthEnd, terms.days);
}
