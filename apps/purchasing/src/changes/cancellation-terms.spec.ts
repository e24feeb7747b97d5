import { cancellationTerms, cancellationTotals, type ContractToCancel } from './cancellation-terms';

const contract = (number: string, status: ContractToCancel['status'], restockingFeePercent: string | null, received: ContractToCancel['received'] = []): ContractToCancel => ({
  number,
  status,
  totalAmount: '1000.00',
  restockingFeePercent,
  lines: [{ materialCode: 'STEEL', unitPrice: '10.00' }],
  received,
});

describe('purchasing part of a cancellation (R8.4, R8.5)', () => {
  it('R8.4 a draft is cancelled free; a signed one for its restocking fee, free without one', () => {
    expect(cancellationTerms([contract('PC-1', 'DRAFT', '15.00'), contract('PC-2', 'SIGNED', '15.00'), contract('PC-3', 'SIGNED', null)])).toEqual([
      { contract: 'PC-1', action: 'CANCEL', fee: 0n, committed: 0n, terms: 'not signed: cancelled free' },
      { contract: 'PC-2', action: 'CANCEL', fee: 15000n, committed: 0n, terms: 'signed: cancelled for the 15.00 % restocking fee' },
      { contract: 'PC-3', action: 'CANCEL', fee: 0n, committed: 0n, terms: 'signed, no restocking fee in its terms: cancelled free' },
    ]);
  });

  it('R8.4 delivered goods are returned for the fee when the terms allow, otherwise kept at what they cost', () => {
    const [returned, kept, closed] = cancellationTerms([
      contract('PC-4', 'PARTIALLY_RECEIVED', '10.00', [{ materialCode: 'STEEL', quantity: '40.000' }]),
      contract('PC-5', 'RECEIVED', null, [{ materialCode: 'STEEL', quantity: '100' }]),
      contract('PC-6', 'CLOSED', '10.00'),
    ]);
    // 400.00 delivered and 600.00 not: 10 % of each.
    expect(returned).toMatchObject({ action: 'RETURN', fee: 4000n + 6000n, committed: 0n });
    expect(kept).toMatchObject({ action: 'KEEP', fee: 0n, committed: 100000n });
    expect(closed).toMatchObject({ action: 'NONE', fee: 0n });
    expect(cancellationTotals([returned, kept, closed])).toEqual({ fees: 10000n, committed: 100000n });
  });
});
