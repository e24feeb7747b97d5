import { BusinessRuleProblem, ConflictProblem } from '@opm/platform';
import type { NonconformanceDisposition, NonconformanceStatus } from '@opm/contracts';

interface NonconformanceState {
  number: string;
  status: NonconformanceStatus;
  disposition: NonconformanceDisposition | null;
}

/**
 * The quality head sets a disposition while the nonconformance is open, and may change it until it is closed
 * (the audit trail keeps each); a closed one is settled: 422 naming the field.
 */
export function assertCanDisposition(nc: NonconformanceState): void {
  if (nc.status === 'CLOSED') {
    throw new BusinessRuleProblem(`nonconformance ${nc.number} is closed: its disposition (${nc.disposition}) can no longer change`, {
      currentStatus: nc.status,
      action: 'disposition',
      errors: [{ field: 'disposition', message: `nonconformance ${nc.number} is already closed` }],
    });
  }
}

/** Closing needs a disposition (R5.3): 422 naming it; closing twice is 409 naming the status. */
export function assertCanClose(nc: NonconformanceState): NonconformanceDisposition {
  if (nc.status === 'CLOSED') {
    throw new ConflictProblem(`nonconformance ${nc.number} is already closed`, { currentStatus: nc.status, action: 'close' });
  }
  if (!nc.disposition) {
    throw new BusinessRuleProblem(`nonconformance ${nc.number} has no disposition yet: the quality head sets one before closing it`, {
      currentStatus: nc.status,
      action: 'close',
      errors: [{ field: 'disposition', message: 'required before closing' }],
    });
  }
  return nc.disposition;
}
