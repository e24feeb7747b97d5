import { type ScheduleInput, scheduleForward, type SchedulerCentre, type SchedulerProduct } from './plan-scheduler';

const TODAY = '2026-12-01';

const products = new Map<string, SchedulerProduct>([
  // 0.2 h machining then 0.05 h assembly per flange.
  ['P-100', { code: 'P-100', name: 'Steel flange', capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 0.2 }, { workCentre: 'ASSEMBLY', hoursPerUnit: 0.05 }] }],
  ['P-400', { code: 'P-400', name: 'Shaft', capacityUse: [{ workCentre: 'MACHINING', hoursPerUnit: 0.8 }] }],
  ['P-LASER', { code: 'P-LASER', name: 'Laser part', capacityUse: [{ workCentre: 'LASER', hoursPerUnit: 1 }] }],
]);

const centre = (code: string, hoursPerDay: number, exceptions: Record<string, number> = {}): SchedulerCentre => ({
  code,
  hoursPerDay,
  exceptions: new Map(Object.entries(exceptions)),
  staff: code === 'MACHINING' ? 2 : 4,
  equipment: [`${code.toLowerCase()} rig`],
});

const line = (lineNo: number, productCode: string | null, quantity: number) => ({ lineNo, productCode, productName: productCode ? null : 'Custom bracket', quantity });
const held = (entries: Record<string, Record<string, number>>) => new Map(Object.entries(entries).map(([c, days]) => [c, new Map(Object.entries(days))]));

function schedule(overrides: Partial<ScheduleInput>) {
  return scheduleForward({
    lines: [line(1, 'P-100', 100)],
    products,
    centres: [centre('MACHINING', 16), centre('ASSEMBLY', 8)],
    committed: new Map(),
    today: TODAY,
    deliveryDate: '2027-01-31',
    shippingDays: 3,
    ...overrides,
  });
}

describe(scheduleForward.name, () => {
  it('R5.1 one task per line and routing step, forward from today; the next step starts the day after the previous ends', () => {
    // 100 flanges: 20 h of MACHINING (16 h on 12-01, 4 h on 12-02), then 5 h of ASSEMBLY on 12-03.
    const s = schedule({});
    expect(s.tasks.map((t) => [t.seq, t.name, t.workCentre, t.hours, t.startDay, t.endDay])).toEqual([
      [1, 'line 1 P-100 Steel flange: MACHINING', 'MACHINING', 20, '2026-12-01', '2026-12-02'],
      [2, 'line 1 P-100 Steel flange: ASSEMBLY', 'ASSEMBLY', 5, '2026-12-03', '2026-12-03'],
    ]);
    expect(s.tasks[0]).toMatchObject({ staffCount: 2, equipment: ['machining rig'], plannedStart: '2026-12-01T00:00:00.000Z', plannedEnd: '2026-12-03T00:00:00.000Z' });
    expect(s.allocations).toEqual([
      { workCentre: 'MACHINING', date: '2026-12-01', hours: 16 },
      { workCentre: 'MACHINING', date: '2026-12-02', hours: 4 },
      { workCentre: 'ASSEMBLY', date: '2026-12-03', hours: 5 },
    ]);
    expect(s).toMatchObject({ lastDay: '2026-12-03', plannedEnd: '2026-12-04T00:00:00.000Z', deadline: '2027-01-28', late: false, earliestDeliveryDate: '2026-12-07' });
  });

  it('R5.1 the calendar with exceptions: a holiday has no hours, a maintenance day fewer, an extra shift more', () => {
    const s = schedule({
      lines: [line(1, 'P-400', 50)], // 40 h of MACHINING
      centres: [centre('MACHINING', 16, { '2026-12-01': 0, '2026-12-02': 8, '2026-12-03': 20 })],
    });
    // 0 + 8 + 20 = 28 h by 12-03, the remaining 12 h on 12-04.
    expect(s.allocations).toEqual([
      { workCentre: 'MACHINING', date: '2026-12-02', hours: 8 },
      { workCentre: 'MACHINING', date: '2026-12-03', hours: 20 },
      { workCentre: 'MACHINING', date: '2026-12-04', hours: 12 },
    ]);
    expect(s.tasks[0]).toMatchObject({ startDay: '2026-12-02', endDay: '2026-12-04' });
  });

  it('R5.1 R3.3 capacity already committed to other plans is taken around: the earliest free hours', () => {
    const s = schedule({
      lines: [line(1, 'P-400', 25)], // 20 h of MACHINING
      committed: held({ MACHINING: { '2026-12-01': 16, '2026-12-02': 10, '2026-12-03': 16 } }),
    });
    // 12-01 full, 6 h free on 12-02, 12-03 full, 14 h on 12-04.
    expect(s.allocations).toEqual([
      { workCentre: 'MACHINING', date: '2026-12-02', hours: 6 },
      { workCentre: 'MACHINING', date: '2026-12-04', hours: 14 },
    ]);
  });

  it('R5.1 lines share the centres: a later line takes the hours an earlier one left', () => {
    const s = schedule({ lines: [line(2, 'P-400', 15), line(1, 'P-400', 10)] }); // line 1: 8 h, line 2: 12 h
    expect(s.tasks.map((t) => [t.lineNo, t.startDay, t.endDay])).toEqual([
      [1, '2026-12-01', '2026-12-01'],
      [2, '2026-12-01', '2026-12-02'],
    ]);
    expect(s.allocations).toEqual([
      { workCentre: 'MACHINING', date: '2026-12-01', hours: 16 },
      { workCentre: 'MACHINING', date: '2026-12-02', hours: 4 },
    ]);
  });

  it('R5.1 a plan that cannot end before delivery minus shipping time is flagged late with the date it can make', () => {
    // 200 h of MACHINING at 16 h a day: 13 days, 12-01 .. 12-13; delivery 12-15 minus 3 days -> must end before 12-12.
    const s = schedule({ lines: [line(1, 'P-400', 250)], deliveryDate: '2026-12-15' });
    expect(s).toMatchObject({ lastDay: '2026-12-13', deadline: '2026-12-12', late: true, earliestDeliveryDate: '2026-12-17' });
    // The day before the deadline is on time.
    expect(schedule({ lines: [line(1, 'P-400', 250)], deliveryDate: '2026-12-17' })).toMatchObject({ deadline: '2026-12-14', late: false });
    expect(schedule({ lines: [line(1, 'P-400', 250)], deliveryDate: '2026-12-16' })).toMatchObject({ deadline: '2026-12-13', late: true });
  });

  it('R5.1 hours are exact: 3 x 0.1 h fit a 0.3 h day', () => {
    const s = scheduleForward({
      lines: [line(1, 'P-TENTH', 3)],
      products: new Map([['P-TENTH', { code: 'P-TENTH', name: 'Tenth', capacityUse: [{ workCentre: 'TESTING', hoursPerUnit: 0.1 }] }]]),
      centres: [centre('TESTING', 0.3)],
      committed: new Map(),
      today: TODAY,
      deliveryDate: null,
      shippingDays: 0,
    });
    expect(s.allocations).toEqual([{ workCentre: 'TESTING', date: TODAY, hours: 0.3 }]);
    expect(s.late).toBe(false);
  });

  it('R5.1 free-text lines, unknown centres and lines with no free hours in the horizon get no task, and say why', () => {
    const s = schedule({
      lines: [line(1, null, 5), line(2, 'P-LASER', 1), line(3, 'P-400', 10), line(4, 'P-100', 10)],
      centres: [centre('MACHINING', 16), centre('ASSEMBLY', 0)],
      horizonDays: 30,
    });
    expect(s.unplannedLines).toEqual([
      { lineNo: 1, reason: 'not a catalog product: hours unknown' },
      { lineNo: 2, reason: 'work centre LASER is not on file' },
      { lineNo: 4, reason: 'no free hours of ASSEMBLY within 30 days' },
    ]);
    // Line 4's machining hours are not held either: a line is planned whole or not at all.
    expect(s.tasks.map((t) => t.lineNo)).toEqual([3]);
    expect(s.allocations).toEqual([{ workCentre: 'MACHINING', date: TODAY, hours: 8 }]);
  });

  it('R5.1 an order with nothing to schedule ends nowhere and is not late', () => {
    expect(schedule({ lines: [line(1, null, 5)] })).toMatchObject({ tasks: [], lastDay: null, plannedEnd: null, late: false, earliestDeliveryDate: null });
  });
});
