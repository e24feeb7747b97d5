import { shipmentCancellation } from './shipment-cancellation';

describe('logistics part of a cancellation (R8.5, R8.6)', () => {
  it('R8.5 open shipments are cancelled', () => {
    expect(shipmentCancellation([{ number: 'SH-1', status: 'PLANNED' }, { number: 'SH-0', status: 'CANCELLED' }])).toEqual({ cancel: ['SH-1'], gone: [], outcome: 'DONE', detail: 'SH-1 cancelled' });
    expect(shipmentCancellation([]).detail).toBe('no open shipment');
  });

  it('R8.6 a dispatched shipment cannot be called back: CANNOT_COMPLY naming it', () => {
    expect(shipmentCancellation([{ number: 'SH-1', status: 'PLANNED' }, { number: 'SH-2', status: 'DISPATCHED' }, { number: 'SH-3', status: 'DELIVERED' }])).toEqual({
      cancel: ['SH-1'],
      gone: ['SH-2', 'SH-3'],
      outcome: 'CANNOT_COMPLY',
      detail: 'SH-1 cancelled; already dispatched, cannot be called back: SH-2, SH-3',
    });
  });
});
