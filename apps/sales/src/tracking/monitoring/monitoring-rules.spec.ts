import { endangersPromise, endOfDay, expectedDate, isMonitored, isOverdue } from './monitoring-rules';

const none = { promisedDate: '2027-03-31', planStart: null, planEnd: null, delayedSupplyDate: null, shipmentPlannedDate: null, actualDeliveryDate: null, delivered: false };

describe('monitoring rules', () => {
  it('R6.4 an open item is overdue once its due time has passed, never when closed or without a due time', () => {
    const now = new Date('2027-03-10T12:00:00Z');
    expect(isOverdue({ dueAt: new Date('2027-03-10T11:59:59Z'), closedAt: null }, now)).toBe(true);
    expect(isOverdue({ dueAt: new Date('2027-03-10T12:00:00Z'), closedAt: null }, now)).toBe(false);
    expect(isOverdue({ dueAt: new Date('2027-03-09T00:00:00Z'), closedAt: new Date('2027-03-09T10:00:00Z') }, now)).toBe(false);
    expect(isOverdue({ dueAt: null, closedAt: null }, now)).toBe(false);
  });

  it('R6.4 a date is due by the end of that day (UTC)', () => {
    expect(endOfDay('2027-02-28').toISOString()).toBe('2027-03-01T00:00:00.000Z');
    expect(endOfDay('2027-12-31').toISOString()).toBe('2028-01-01T00:00:00.000Z');
  });

  it('R6.4 archived orders are never monitored; every other status is', () => {
    expect(isMonitored('ARCHIVED')).toBe(false);
    for (const s of ['RECEIVED', 'IN_EXECUTION', 'SETTLED', 'CANCELLED'] as const) expect(isMonitored(s)).toBe(true);
  });

  it('R6.4 the expected date is the promise until something is known', () => {
    expect(expectedDate(none)).toBe('2027-03-31');
    expect(expectedDate({ ...none, promisedDate: null })).toBeNull();
  });

  it("R6.4 the promise holds unless the plan ends after it; a planned shipment is the concrete answer", () => {
    const plan = { ...none, planStart: new Date('2027-03-01T00:00:00Z'), planEnd: new Date('2027-03-06T00:00:00Z') };
    expect(expectedDate(plan)).toBe('2027-03-31');
    expect(expectedDate({ ...plan, promisedDate: '2027-03-04' })).toBe('2027-03-05');
    expect(expectedDate({ ...plan, promisedDate: null })).toBe('2027-03-05');
    expect(expectedDate({ ...plan, shipmentPlannedDate: '2027-03-08' })).toBe('2027-03-08');
    expect(expectedDate({ ...plan, promisedDate: '2027-03-04', shipmentPlannedDate: '2027-03-12' })).toBe('2027-03-12');
  });

  it("R6.4 a supplier delay pushes the plan's end only when the material comes on or after the plan's start", () => {
    const plan = { ...none, promisedDate: '2027-03-01', planStart: new Date('2027-03-01T00:00:00Z'), planEnd: new Date('2027-03-06T00:00:00Z') };
    expect(expectedDate({ ...plan, delayedSupplyDate: '2027-02-27' })).toBe('2027-03-05');
    // Material on 03-03: production starts 03-04 instead of 03-01, so the end moves 3 days.
    expect(expectedDate({ ...plan, delayedSupplyDate: '2027-03-03' })).toBe('2027-03-08');
    expect(expectedDate({ ...plan, delayedSupplyDate: '2027-03-01' })).toBe('2027-03-06');
    // A slip that still ends before the promise keeps the promise.
    expect(expectedDate({ ...plan, promisedDate: '2027-03-31', delayedSupplyDate: '2027-03-03' })).toBe('2027-03-31');
  });

  it('R1.4 once delivered, the expected date is the actual delivery date', () => {
    expect(expectedDate({ ...none, planEnd: new Date('2027-03-06T00:00:00Z'), actualDeliveryDate: '2027-03-12', delivered: true })).toBe('2027-03-12');
    expect(expectedDate({ ...none, actualDeliveryDate: '2027-03-12', delivered: false })).toBe('2027-03-31');
  });

  it('R6.5 only a date later than promised endangers the promise', () => {
    expect(endangersPromise('2027-04-01', '2027-03-31')).toBe(true);
    expect(endangersPromise('2027-03-31', '2027-03-31')).toBe(false);
    expect(endangersPromise(null, '2027-03-31')).toBe(false);
    expect(endangersPromise('2027-04-01', null)).toBe(false);
  });
});
