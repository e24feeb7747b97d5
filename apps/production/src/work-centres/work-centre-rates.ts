import { fromMinorUnits, toMinorUnits } from '@opm/contracts';

/** A work centre's hourly rates as the API and events carry them: decimal strings (R5.6). */
export interface WorkCentreRates {
  labourRatePerHour: string;
  overheadRatePerHour: string;
  currency: string;
}

export function ratesOf(centre: { labourRateMinor: bigint; overheadRateMinor: bigint; rateCurrency: string }): WorkCentreRates {
  return { labourRatePerHour: fromMinorUnits(centre.labourRateMinor), overheadRatePerHour: fromMinorUnits(centre.overheadRateMinor), currency: centre.rateCurrency };
}

/** The columns for rates given as decimal strings (already validated as non-negative money). */
export function rateColumns(rates: WorkCentreRates): { labourRateMinor: bigint; overheadRateMinor: bigint; rateCurrency: string } {
  return { labourRateMinor: toMinorUnits(rates.labourRatePerHour), overheadRateMinor: toMinorUnits(rates.overheadRatePerHour), rateCurrency: rates.currency };
}
