import { addDays } from '@opm/contracts';
import type { FieldError } from '@opm/platform';

/**
 * The window an order's dates must fall in (issue 11): well-formed dates outside it are typing mistakes or
 * probes, not orders. The order date lies between EARLIEST_ORDER_DATE and tomorrow (a call taken just before
 * midnight in another time zone); the delivery date is neither before the order date nor in the past, and
 * not further out than MAX_DELIVERY_YEARS after the order date.
 */
export const EARLIEST_ORDER_DATE = '2000-01-01';
export const MAX_DELIVERY_YEARS = 10;

export interface OrderDates {
  orderDate: string;
  deliveryDate?: string | null;
}

/** Every date of `dates` outside the window, by field; `today` is the UTC date (YYYY-MM-DD). */
export function orderDateProblems(dates: OrderDates, today: string): FieldError[] {
  const problems: FieldError[] = [];
  const { orderDate, deliveryDate } = dates;
  if (orderDate < EARLIEST_ORDER_DATE) problems.push({ field: 'orderDate', message: `must not be before ${EARLIEST_ORDER_DATE}` });
  const tomorrow = addDays(today, 1);
  if (orderDate > tomorrow) problems.push({ field: 'orderDate', message: `must not be later than ${tomorrow} (a day from today)` });
  if (deliveryDate != null) {
    if (deliveryDate < orderDate) problems.push({ field: 'deliveryDate', message: `must not be before orderDate (${orderDate})` });
    else if (deliveryDate < today) problems.push({ field: 'deliveryDate', message: `must not be in the past (today is ${today})` });
    const latest = addDays(orderDate, MAX_DELIVERY_YEARS * 365);
    if (deliveryDate > latest) problems.push({ field: 'deliveryDate', message: `must not be later than ${latest} (${MAX_DELIVERY_YEARS} years after orderDate)` });
  }
  return problems;
}
