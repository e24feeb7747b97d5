import { fromMinorUnits, toMinorUnits } from '@opm/contracts';

/** The figures finance holds or sums for one customer, as decimal strings in the account's currency. */
export interface CreditFigures {
  creditLimit: string | null;
  openOrderAmount: string;
  openInvoiceAmount: string;
  overdueAmount: string;
}

export interface CreditStanding extends CreditFigures {
  /** openOrderAmount + openInvoiceAmount (the contract's definition). */
  exposure: string;
  /** creditLimit - exposure; negative when the customer is over the limit; null while no limit is set. */
  available: string | null;
}

/**
 * Exposure and available credit (R2.4), in exact minor units (N3: never a float). Every amount comes out in the
 * two-decimal form ("0" from an empty SQL sum becomes "0.00"), so the API and the event always read the same.
 */
export function creditStanding(f: CreditFigures): CreditStanding {
  const openOrders = toMinorUnits(f.openOrderAmount);
  const openInvoices = toMinorUnits(f.openInvoiceAmount);
  const exposure = openOrders + openInvoices;
  const limit = f.creditLimit === null ? null : toMinorUnits(f.creditLimit);
  return {
    creditLimit: limit === null ? null : fromMinorUnits(limit),
    openOrderAmount: fromMinorUnits(openOrders),
    openInvoiceAmount: fromMinorUnits(openInvoices),
    overdueAmount: fromMinorUnits(toMinorUnits(f.overdueAmount)),
    exposure: fromMinorUnits(exposure),
    available: limit === null ? null : fromMinorUnits(limit - exposure),
  };
}

/**
 * The limit's currency may only change while nothing is invoiced: open and overdue invoice amounts are kept in
 * the account's currency, and there is no exchange rate to restate them with. Returns why not, or null.
 */
export function currencyChangeRefusal(
  account: { currency: string; openInvoiceAmount: string; overdueAmount: string },
  currency: string,
): string | null {
  if (currency === account.currency) return null;
  if (toMinorUnits(account.openInvoiceAmount) === 0n && toMinorUnits(account.overdueAmount) === 0n) return null;
  return `the account holds invoice amounts in ${account.currency} (open ${fromMinorUnits(toMinorUnits(account.openInvoiceAmount))}, overdue ${fromMinorUnits(toMinorUnits(account.overdueAmount))}); its currency cannot change to ${currency}`;
}
