import { invoicesToVoid } from './invoice-voiding';

describe('finance part of a cancellation (R8.5)', () => {
  it('R8.5 voids what nothing was paid on; names what was paid', () => {
    expect(
      invoicesToVoid([
        { number: 'INV-1', status: 'OPEN' },
        { number: 'INV-2', status: 'DISPUTED' },
        { number: 'INV-3', status: 'PARTIALLY_PAID' },
        { number: 'INV-4', status: 'VOID' },
      ]),
    ).toEqual({ void: ['INV-1', 'INV-2'], paid: ['INV-3'] });
  });
});
