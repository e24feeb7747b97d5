/** What sales keeps of an order's execution, from production's and quality's events (R5.1, R5.3). */
export interface ExecutionFacts {
  planCompleted: boolean;
  planStopped: boolean;
  finalInspectionPassed: boolean;
  openNonconformances: number;
}

export interface ReadyToShipDecision {
  ready: boolean;
  /** What is still missing, in words, for the order's execution summary. */
  waitingFor: string[];
}

/**
 * READY_TO_SHIP (API.md "What moves an order after issuance"): production's plan completed and a passed FINAL
 * inspection with no open nonconformance. The facts arrive on different topics in any order; this decides on all
 * of them whichever came last. A stopped plan never ships. Whether the order's status allows the move is the
 * state machine's question, not this one's.
 */
export function readyToShip(facts: ExecutionFacts): ReadyToShipDecision {
  const waitingFor: string[] = [];
  if (facts.planStopped) waitingFor.push('the production plan is stopped');
  else if (!facts.planCompleted) waitingFor.push('production to complete the plan');
  if (!facts.finalInspectionPassed) waitingFor.push('a passed final inspection');
  if (facts.openNonconformances > 0) {
    waitingFor.push(`${facts.openNonconformances} open nonconformance${facts.openNonconformances === 1 ? '' : 's'} to be closed`);
  }
  return { ready: waitingFor.length === 0, waitingFor };
}
