import { orderPerformance } from './order-performance';
import type { ReportEntry } from './weekly-report';

const ORDER = 'aaaaaaaa-0000-4000-8000-000000000001';
let seq = 0;
const e = (kind: ReportEntry['kind'], at: string, data: Record<string, unknown> = {}, refId = `ref-${seq + 1}`): ReportEntry => ({ orderId: ORDER, seq: ++seq, at, kind, refId, data });
const order = { deliveryDate: '2027-05-01', lines: [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 40 }] };

describe('order performance (R1.4)', () => {
  it('R1.4 not delivered yet: nothing delivered, no dates, on-time and right quality unknown', () => {
    expect(orderPerformance(order, [])).toEqual({
      promisedDate: '2027-05-01',
      actualDeliveryDate: null,
      onTime: null,
      daysLate: null,
      lines: [
        { lineNo: 1, ordered: 100, delivered: 0 },
        { lineNo: 2, ordered: 40, delivered: 0 },
      ],
      quantityComplete: false,
      inspections: { passed: 0, failed: 0 },
      nonconformances: { opened: 0, open: 0 },
      rightQuality: null,
    });
  });

  it('R1.4 partial deliveries add up; the actual date is when the last ordered quantity arrived; late by whole days', () => {
    const entries = [
      e('INSPECTION_RECORDED', '2027-04-20T08:00:00.000Z', { stage: 'FINAL', result: 'FAIL' }),
      e('NONCONFORMANCE_RAISED', '2027-04-20T08:00:00.000Z', {}, 'nc-1'),
      e('INSPECTION_RECORDED', '2027-04-21T08:00:00.000Z', { stage: 'FINAL', result: 'PASS' }),
      e('NONCONFORMANCE_CLOSED', '2027-04-22T08:00:00.000Z', {}, 'nc-1'),
      e('SHIPMENT_DELIVERED', '2027-04-30T08:00:00.000Z', { deliveredTotals: [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 10 }] }),
    ];
    const partial = orderPerformance(order, entries);
    expect(partial).toMatchObject({ actualDeliveryDate: null, onTime: null, quantityComplete: false, lines: [{ delivered: 100 }, { delivered: 10 }], inspections: { passed: 1, failed: 1 }, nonconformances: { opened: 1, open: 0 }, rightQuality: null });
    const done = orderPerformance(order, [...entries, e('SHIPMENT_DELIVERED', '2027-05-03T16:00:00.000Z', { deliveredTotals: [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 40 }] })]);
    expect(done).toMatchObject({ actualDeliveryDate: '2027-05-03', onTime: false, daysLate: 2, quantityComplete: true, lines: [{ delivered: 100 }, { delivered: 40 }], rightQuality: true });
  });

  it('R1.4 delivered on or before the promised date is on time; an open nonconformance or no final pass is not right quality', () => {
    const delivered = e('SHIPMENT_DELIVERED', '2027-05-01T23:00:00.000Z', { deliveredTotals: [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 40 }] });
    expect(orderPerformance(order, [delivered])).toMatchObject({ actualDeliveryDate: '2027-05-01', onTime: true, daysLate: 0, rightQuality: false });
    const open = [e('INSPECTION_RECORDED', '2027-04-21T08:00:00.000Z', { stage: 'FINAL', result: 'PASS' }), e('NONCONFORMANCE_RAISED', '2027-04-21T09:00:00.000Z', {}, 'nc-2'), delivered];
    expect(orderPerformance(order, open)).toMatchObject({ nonconformances: { opened: 1, open: 1 }, rightQuality: false });
  });

  it('R1.4 an order without a promised date has no on-time verdict', () => {
    const delivered = e('SHIPMENT_DELIVERED', '2027-05-01T08:00:00.000Z', { deliveredTotals: [{ lineNo: 1, quantity: 100 }, { lineNo: 2, quantity: 40 }] });
    expect(orderPerformance({ ...order, deliveryDate: null }, [delivered])).toMatchObject({ actualDeliveryDate: '2027-05-01', onTime: null, daysLate: null });
  });
});
