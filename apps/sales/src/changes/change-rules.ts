import { type CancellationLoss, type CancellingDepartment, type ChangeKind, fromMinorUnits, type LossEstimate, multiplyMoney, sumMoney, toMinorUnits, type FieldChange, type ImpactDepartment, type OrderSnapshot, type RequestedChanges } from '@opm/contracts';

/** The statuses of a change or cancellation request (R8.1-8.6). */
export const REQUEST_STATUSES = ['UNDER_REVIEW', 'AWAITING_APPROVAL', 'APPROVED', 'APPLIED', 'REJECTED'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** An open request holds the order's semantic lock (R8.3). */
export const isOpen = (status: RequestStatus): boolean => status === 'UNDER_REVIEW' || status === 'AWAITING_APPROVAL' || status === 'APPROVED';

export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * The order as a change request would leave it (R8.1): delivery date and place, per line its quantity (the line's
 * amount and the order's total recomputed exactly) and specification; and what that changes field by field. A line
 * the order does not have, or a request that changes nothing, is a problem naming the field.
 */
export function proposeChange(current: OrderSnapshot, changes: RequestedChanges, today: string): { proposed: OrderSnapshot; fieldChanges: FieldChange[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fieldChanges: FieldChange[] = [];
  const proposed: OrderSnapshot = { ...current, lines: current.lines.map((l) => ({ ...l })) };
  if (changes.deliveryDate !== undefined && changes.deliveryDate < today) problems.push({ field: 'changes.deliveryDate', message: `must not be in the past (today is ${today})` });
  if (changes.deliveryDate !== undefined && changes.deliveryDate !== current.deliveryDate) {
    fieldChanges.push({ field: 'deliveryDate', from: current.deliveryDate, to: changes.deliveryDate });
    proposed.deliveryDate = changes.deliveryDate;
  }
  if (changes.deliveryPlace !== undefined && changes.deliveryPlace !== current.deliveryPlace) {
    fieldChanges.push({ field: 'deliveryPlace', from: current.deliveryPlace, to: changes.deliveryPlace });
    proposed.deliveryPlace = changes.deliveryPlace;
  }
  const seen = new Set<number>();
  (changes.lines ?? []).forEach((c, i) => {
    const line = proposed.lines.find((l) => l.lineNo === c.lineNo);
    if (!line) return problems.push({ field: `changes.lines[${i}].lineNo`, message: `the order has no line ${c.lineNo}` });
    if (seen.has(c.lineNo)) return problems.push({ field: `changes.lines[${i}].lineNo`, message: `line ${c.lineNo} is named twice` });
    seen.add(c.lineNo);
    if (c.quantity !== undefined && c.quantity !== line.quantity) {
      fieldChanges.push({ field: `lines[${c.lineNo}].quantity`, from: line.quantity, to: c.quantity });
      line.quantity = c.quantity;
      const amount = multiplyMoney(line.unitPrice, c.quantity);
      fieldChanges.push({ field: `lines[${c.lineNo}].amount`, from: line.amount, to: amount });
      line.amount = amount;
    }
    if (c.specification !== undefined && c.specification !== line.specification) {
      fieldChanges.push({ field: `lines[${c.lineNo}].specification`, from: line.specification, to: c.specification });
      line.specification = c.specification;
    }
  });
  const lastLineNo = Math.max(0, ...current.lines.map((l) => l.lineNo));
  (changes.addLines ?? []).forEach((add, i) => {
    if (!add.productCode && !add.productName) return problems.push({ field: `changes.addLines[${i}].productName`, message: 'productName is required when productCode is absent' });
    const lineNo = lastLineNo + 1 + i;
    const line = {
      lineNo,
      productCode: add.productCode ?? null,
      productName: add.productName ?? null,
      specification: add.specification ?? null,
      quantity: add.quantity,
      unitPrice: sumMoney([add.unitPrice]),
      amount: multiplyMoney(add.unitPrice, add.quantity),
    };
    proposed.lines.push(line);
    fieldChanges.push({ field: `lines[${lineNo}]`, from: null, to: `${line.quantity} x ${line.productCode ?? line.productName} at ${line.unitPrice}` });
  });
  const total = sumMoney(proposed.lines.map((l) => l.amount));
  if (toMinorUnits(total) !== toMinorUnits(current.totalAmount)) {
    fieldChanges.push({ field: 'totalAmount', from: current.totalAmount, to: total });
    proposed.totalAmount = total;
  }
  if (problems.length === 0 && fieldChanges.length === 0) problems.push({ field: 'changes', message: 'changes nothing on the order' });
  return { proposed, fieldChanges, problems };
}

/**
 * Who assesses a request (R8.2, R8.4): for a change every executing department; for a cancellation those whose work or
 * commitments it costs (production's work done, purchasing's materials); logistics only once something has shipped.
 */
export function impactDepartments(kind: ChangeKind, shipped: boolean): ImpactDepartment[] {
  const asked: ImpactDepartment[] = kind === 'CHANGE' ? ['production', 'purchasing', 'quality', 'finance'] : ['production', 'purchasing'];
  return shipped ? [...asked, 'logistics'] : asked;
}

/** The loss of a cancellation (R8.4): the departments' assessed losses summed, exactly, in the order's currency. */
export function lossOf(losses: readonly (CancellationLoss | null)[], currency: string): LossEstimate {
  const sum = (pick: (l: CancellationLoss) => string) => losses.reduce((s, l) => s + (l ? toMinorUnits(pick(l)) : 0n), 0n);
  const workDone = sum((l) => l.workDone);
  const materialsCommitted = sum((l) => l.materialsCommitted);
  const restockingFees = sum((l) => l.restockingFees);
  return {
    workDone: fromMinorUnits(workDone),
    materialsCommitted: fromMinorUnits(materialsCommitted),
    restockingFees: fromMinorUnits(restockingFees),
    total: fromMinorUnits(workDone + materialsCommitted + restockingFees),
    currency,
  };
}

export interface CancellationStepState {
  department: CancellingDepartment;
  status: 'PENDING' | 'DONE' | 'CANNOT_COMPLY';
}

/**
 * Where an approved cancellation stands (R8.5, R8.6): the order is cancelled only once every department confirmed DONE;
 * until then who has not, and who cannot comply.
 */
export function cancellationProgress(steps: readonly CancellationStepState[]): { complete: boolean; waitingFor: CancellingDepartment[]; cannotComply: CancellingDepartment[] } {
  return {
    complete: steps.length > 0 && steps.every((s) => s.status === 'DONE'),
    waitingFor: steps.filter((s) => s.status === 'PENDING').map((s) => s.department),
    cannotComply: steps.filter((s) => s.status === 'CANNOT_COMPLY').map((s) => s.department),
  };
}

export interface ImpactState {
  status: 'OPEN' | 'DONE';
  conclusion: 'PASS' | 'FAIL' | null;
}

/**
 * Where a request under review goes once a department answered (R8.2): any FAIL rejects it, all PASS sends it to
 * the approval chain, otherwise it waits for the others.
 */
export function reviewOutcome(impacts: readonly ImpactState[]): 'REJECTED' | 'AWAITING_APPROVAL' | 'UNDER_REVIEW' {
  if (impacts.some((i) => i.status === 'DONE' && i.conclusion === 'FAIL')) return 'REJECTED';
  if (impacts.length > 0 && impacts.every((i) => i.status === 'DONE' && i.conclusion === 'PASS')) return 'AWAITING_APPROVAL';
  return 'UNDER_REVIEW';
}

export interface StepState {
  step: string;
  seq: number;
  status: 'PENDING' | 'APPROVED' | 'REJECTED';
}

/**
 * Whether a step may be decided now (the first pending one, in order, as the order's chain) and, once decided, where
 * the request goes: a rejection rejects it, the last approval approves it.
 */
export function stepRefusal(steps: readonly StepState[], step: string): string | null {
  const target = steps.find((s) => s.step === step);
  if (!target) return `step ${step} is not part of this request's approval chain`;
  if (target.status !== 'PENDING') return `step ${step} is already ${target.status}`;
  const first = [...steps].sort((a, b) => a.seq - b.seq).find((s) => s.status === 'PENDING');
  if (first && first.step !== step) return `step ${first.step} must be decided before ${step}`;
  return null;
}

export function chainOutcome(steps: readonly StepState[]): 'REJECTED' | 'APPROVED' | 'AWAITING_APPROVAL' {
  if (steps.some((s) => s.status === 'REJECTED')) return 'REJECTED';
  if (steps.every((s) => s.status === 'APPROVED')) return 'APPROVED';
  return 'AWAITING_APPROVAL';
}
