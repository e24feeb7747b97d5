import { readyToShip } from './ready-to-ship';

const done = { planCompleted: true, planStopped: false, finalInspectionPassed: true, openNonconformances: 0 };

describe('readyToShip', () => {
  it('R5.1 R5.3 ready once the plan is completed and a final inspection passed with no open nonconformance', () => {
    expect(readyToShip(done)).toEqual({ ready: true, waitingFor: [] });
  });

  it('R5.1 waits for production to complete the plan', () => {
    expect(readyToShip({ ...done, planCompleted: false })).toEqual({ ready: false, waitingFor: ['production to complete the plan'] });
  });

  it('R5.3 waits for a passed final inspection', () => {
    expect(readyToShip({ ...done, finalInspectionPassed: false })).toEqual({ ready: false, waitingFor: ['a passed final inspection'] });
  });

  it('R5.3 an open nonconformance holds the order even after a passed final inspection', () => {
    expect(readyToShip({ ...done, openNonconformances: 1 })).toEqual({ ready: false, waitingFor: ['1 open nonconformance to be closed'] });
    expect(readyToShip({ ...done, openNonconformances: 2 }).waitingFor).toEqual(['2 open nonconformances to be closed']);
  });

  it('R5.1 a stopped plan never ships, completed or not', () => {
    expect(readyToShip({ ...done, planStopped: true })).toEqual({ ready: false, waitingFor: ['the production plan is stopped'] });
  });

  it('R5.1 R5.3 names everything still missing', () => {
    expect(readyToShip({ planCompleted: false, planStopped: false, finalInspectionPassed: false, openNonconformances: 1 }).waitingFor).toEqual([
      'production to complete the plan',
      'a passed final inspection',
      '1 open nonconformance to be closed',
    ]);
  });
});
