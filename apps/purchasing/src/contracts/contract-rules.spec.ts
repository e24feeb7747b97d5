import { contractActionRefusal, contractDueAt, quantityPositions, receiptRefusals, statusAfterReceipts } from './contract-rules';

const lines = [
  { materialCode: 'STEEL-PLATE-10', quantity: '100' },
  { materialCode: 'BOLT-M16', quantity: '500' },
];

describe('contract rules', () => {
  it('R5.2 open quantity = ordered - accepted - awaiting inspection; rejected goods are open again', () => {
    const p = quantityPositions(lines, [
      { status: 'ACCEPTED', lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '30.5' }] },
      { status: 'AWAITING_INSPECTION', lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '20' }] },
      { status: 'REJECTED', lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '49.5' }] },
    ]).get('STEEL-PLATE-10');
    expect(p).toEqual({ materialCode: 'STEEL-PLATE-10', ordered: 100_000n, accepted: 30_500n, awaiting: 20_000n, rejected: 49_500n, open: 49_500n });
  });

  it('R5.2 a receipt up to the open quantity is allowed; one unit of a thousandth more is refused naming the line', () => {
    const receipts = [{ status: 'ACCEPTED' as const, lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '60' }] }];
    expect(receiptRefusals(lines, receipts, [{ materialCode: 'STEEL-PLATE-10', quantity: '40' }])).toEqual([]);
    expect(receiptRefusals(lines, receipts, [{ materialCode: 'STEEL-PLATE-10', quantity: '40.001' }])).toEqual([
      { field: 'lines.0.quantity', message: '40.001 of STEEL-PLATE-10 is more than the 40 still open (ordered 100, accepted 60, awaiting inspection 0)' },
    ]);
  });

  it('R5.2 lines of one material add up, and a material not on the contract is refused', () => {
    expect(
      receiptRefusals(lines, [], [
        { materialCode: 'BOLT-M16', quantity: '300' },
        { materialCode: 'BOLT-M16', quantity: '201' },
        { materialCode: 'SOLENOID-24V', quantity: '1' },
      ]).map((r) => r.field),
    ).toEqual(['lines.1.quantity', 'lines.2.materialCode']);
  });

  it('R5.2 contract status after receipts: SIGNED until something is accepted, PARTIALLY_RECEIVED, then RECEIVED when all is accepted', () => {
    const accepted = (materialCode: string, quantity: string) => ({ status: 'ACCEPTED' as const, lines: [{ materialCode, quantity }] });
    expect(statusAfterReceipts(lines, [{ status: 'REJECTED', lines: [{ materialCode: 'BOLT-M16', quantity: '500' }] }])).toBe('SIGNED');
    expect(statusAfterReceipts(lines, [{ status: 'AWAITING_INSPECTION', lines: [{ materialCode: 'BOLT-M16', quantity: '500' }] }])).toBe('SIGNED');
    expect(statusAfterReceipts(lines, [accepted('BOLT-M16', '500')])).toBe('PARTIALLY_RECEIVED');
    expect(statusAfterReceipts(lines, [accepted('BOLT-M16', '500'), accepted('STEEL-PLATE-10', '99.999')])).toBe('PARTIALLY_RECEIVED');
    expect(statusAfterReceipts(lines, [accepted('BOLT-M16', '500'), accepted('STEEL-PLATE-10', '99.999'), accepted('STEEL-PLATE-10', '0.001')])).toBe('RECEIVED');
  });

  it('R5.2 only a DRAFT contract is signed; goods are received only on a signed one; a received one is not delayed', () => {
    expect(contractActionRefusal('DRAFT', 'sign')).toBeNull();
    expect(contractActionRefusal('SIGNED', 'sign')).toBe('a SIGNED contract cannot be signed');
    expect(contractActionRefusal('DRAFT', 'receive')).toBe('a DRAFT contract cannot receive goods');
    expect(contractActionRefusal('PARTIALLY_RECEIVED', 'receive')).toBeNull();
    expect(contractActionRefusal('RECEIVED', 'receive')).not.toBeNull();
    expect(contractActionRefusal('SIGNED', 'delay')).toBeNull();
    expect(contractActionRefusal('RECEIVED', 'delay')).toBe('a RECEIVED contract cannot be delayed');
  });

  it('R5.2 a contract is overdue once its delivery date is over (UTC)', () => {
    expect(contractDueAt('2026-12-31').toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});
