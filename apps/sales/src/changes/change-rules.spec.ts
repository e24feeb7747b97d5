import type { OrderSnapshot } from '@opm/contracts';
import { cancellationProgress, chainOutcome, impactDepartments, isOpen, lossOf, proposeChange, reviewOutcome, stepRefusal } from './change-rules';

const order: OrderSnapshot = {
  orderId: '00000000-0000-4000-8000-000000000001',
  number: 'SO-2026-000001',
  channel: 'PHONE',
  customerId: '00000000-0000-4000-8000-000000000002',
  orderDate: '2026-11-01',
  deliveryDate: '2027-02-01',
  deliveryPlace: 'Shenzhen',
  paymentTerms: '30 days',
  currency: 'CNY',
  totalAmount: '1250.00',
  lines: [
    { lineNo: 1, productCode: 'P-100', productName: 'Flange', specification: 'DN50', quantity: 10, unitPrice: '100.00', amount: '1000.00' },
    { lineNo: 2, productCode: 'P-200', productName: 'Bolt', specification: null, quantity: 50, unitPrice: '5.00', amount: '250.00' },
  ],
  specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
};

describe('change rules (R8.1-8.3)', () => {
  it('R8.1 proposes the changed order: quantity with its amount and the total recomputed, date, place, specification, field by field', () => {
    const { proposed, fieldChanges, problems } = proposeChange(order, { deliveryDate: '2027-02-15', deliveryPlace: 'Dongguan', lines: [{ lineNo: 1, quantity: 12, specification: 'DN65' }] }, '2026-12-01');
    expect(problems).toEqual([]);
    expect(proposed.lines[0]).toMatchObject({ quantity: 12, amount: '1200.00', specification: 'DN65' });
    expect(proposed.lines[1]).toEqual(order.lines[1]);
    expect(proposed.totalAmount).toBe('1450.00');
    expect(fieldChanges).toEqual([
      { field: 'deliveryDate', from: '2027-02-01', to: '2027-02-15' },
      { field: 'deliveryPlace', from: 'Shenzhen', to: 'Dongguan' },
      { field: 'lines[1].quantity', from: 10, to: 12 },
      { field: 'lines[1].amount', from: '1000.00', to: '1200.00' },
      { field: 'lines[1].specification', from: 'DN50', to: 'DN65' },
      { field: 'totalAmount', from: '1250.00', to: '1450.00' },
    ]);
    // The order given is left as it was.
    expect(order.lines[0].quantity).toBe(10);
  });

  it('R8.1 adds lines after the last one, priced exactly, the total following', () => {
    const { proposed, fieldChanges, problems } = proposeChange(order, { addLines: [{ productCode: 'P-300', quantity: 3, unitPrice: '7.5' }] }, '2026-12-01');
    expect(problems).toEqual([]);
    expect(proposed.lines[2]).toEqual({ lineNo: 3, productCode: 'P-300', productName: null, specification: null, quantity: 3, unitPrice: '7.50', amount: '22.50' });
    expect(proposed.totalAmount).toBe('1272.50');
    expect(fieldChanges).toEqual([
      { field: 'lines[3]', from: null, to: '3 x P-300 at 7.50' },
      { field: 'totalAmount', from: '1250.00', to: '1272.50' },
    ]);
    expect(proposeChange(order, { addLines: [{ quantity: 1, unitPrice: '1.00' }] }, '2026-12-01').problems).toEqual([{ field: 'changes.addLines[0].productName', message: 'productName is required when productCode is absent' }]);
  });

  it('R8.1 names the field of a change the order cannot take: an unknown line, a line twice, a past date, nothing changed', () => {
    expect(proposeChange(order, { lines: [{ lineNo: 3, quantity: 1 }] }, '2026-12-01').problems).toEqual([{ field: 'changes.lines[0].lineNo', message: 'the order has no line 3' }]);
    expect(proposeChange(order, { lines: [{ lineNo: 1, quantity: 11 }, { lineNo: 1, quantity: 12 }] }, '2026-12-01').problems).toEqual([{ field: 'changes.lines[1].lineNo', message: 'line 1 is named twice' }]);
    expect(proposeChange(order, { deliveryDate: '2026-11-30' }, '2026-12-01').problems[0].field).toBe('changes.deliveryDate');
    expect(proposeChange(order, { deliveryDate: '2027-02-01', lines: [{ lineNo: 2, quantity: 50 }] }, '2026-12-01').problems).toEqual([{ field: 'changes', message: 'changes nothing on the order' }]);
  });

  it('R8.2 R8.4 asks logistics only once something has shipped; a cancellation asks those whose work and commitments it costs', () => {
    expect(impactDepartments('CHANGE', false)).toEqual(['production', 'purchasing', 'quality', 'finance']);
    expect(impactDepartments('CHANGE', true)).toEqual(['production', 'purchasing', 'quality', 'finance', 'logistics']);
    expect(impactDepartments('CANCELLATION', false)).toEqual(['production', 'purchasing']);
    expect(impactDepartments('CANCELLATION', true)).toEqual(['production', 'purchasing', 'logistics']);
  });

  it('R8.4 the loss is the departments\' losses summed exactly', () => {
    expect(
      lossOf(
        [
          { workDone: '120.10', materialsCommitted: '0.00', restockingFees: '0.00', currency: 'CNY' },
          { workDone: '0.00', materialsCommitted: '300.05', restockingFees: '45.01', currency: 'CNY' },
          null,
        ],
        'CNY',
      ),
    ).toEqual({ workDone: '120.10', materialsCommitted: '300.05', restockingFees: '45.01', total: '465.16', currency: 'CNY' });
  });

  it('R8.5 R8.6 cancelled only when every department confirmed DONE; who has not and who cannot comply are named', () => {
    expect(cancellationProgress([{ department: 'production', status: 'DONE' }, { department: 'logistics', status: 'PENDING' }])).toEqual({ complete: false, waitingFor: ['logistics'], cannotComply: [] });
    expect(cancellationProgress([{ department: 'production', status: 'DONE' }, { department: 'logistics', status: 'CANNOT_COMPLY' }])).toEqual({ complete: false, waitingFor: [], cannotComply: ['logistics'] });
    expect(cancellationProgress([{ department: 'production', status: 'DONE' }, { department: 'finance', status: 'DONE' }]).complete).toBe(true);
  });

  it('R8.2 all impacts PASS -> the chain; one FAIL rejects; otherwise it waits', () => {
    expect(reviewOutcome([{ status: 'DONE', conclusion: 'PASS' }, { status: 'OPEN', conclusion: null }])).toBe('UNDER_REVIEW');
    expect(reviewOutcome([{ status: 'DONE', conclusion: 'PASS' }, { status: 'DONE', conclusion: 'PASS' }])).toBe('AWAITING_APPROVAL');
    expect(reviewOutcome([{ status: 'DONE', conclusion: 'FAIL' }, { status: 'OPEN', conclusion: null }])).toBe('REJECTED');
    expect(reviewOutcome([])).toBe('UNDER_REVIEW');
  });

  it('R8.2 steps are decided in order; a rejection rejects, the last approval approves', () => {
    const steps = [
      { step: 'SALES_HEAD', seq: 1, status: 'APPROVED' as const },
      { step: 'DIVISION_LEADER', seq: 2, status: 'PENDING' as const },
      { step: 'FINANCE', seq: 3, status: 'PENDING' as const },
    ];
    expect(stepRefusal(steps, 'FINANCE')).toBe('step DIVISION_LEADER must be decided before FINANCE');
    expect(stepRefusal(steps, 'SALES_HEAD')).toBe('step SALES_HEAD is already APPROVED');
    expect(stepRefusal(steps, 'DIVISION_LEADER')).toBeNull();
    expect(stepRefusal(steps.slice(0, 1), 'FINANCE')).toBe("step FINANCE is not part of this request's approval chain");
    expect(chainOutcome(steps)).toBe('AWAITING_APPROVAL');
    expect(chainOutcome(steps.map((s) => ({ ...s, status: 'APPROVED' as const })))).toBe('APPROVED');
    expect(chainOutcome([...steps.slice(0, 1), { ...steps[1], status: 'REJECTED' as const }])).toBe('REJECTED');
  });

  it('R8.3 a request holds the lock until applied or rejected', () => {
    expect(['UNDER_REVIEW', 'AWAITING_APPROVAL', 'APPROVED'].every((s) => isOpen(s as never))).toBe(true);
    expect(isOpen('APPLIED')).toBe(false);
    expect(isOpen('REJECTED')).toBe(false);
  });
});
