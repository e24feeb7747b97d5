import { qualityResults } from './quality-results';

describe('qualityResults', () => {
  it('R5.3 R1.4 counts passed and failed lots, and open nonconformances until closed', () => {
    const results = qualityResults(
      [
        { stage: 'INCOMING', result: 'PASS' },
        { stage: 'IN_PROCESS', result: 'FAIL' },
        { stage: 'FINAL', result: 'FAIL' },
      ],
      [{ status: 'OPEN' }, { status: 'DISPOSITIONED' }, { status: 'CLOSED' }],
    );
    expect(results).toEqual({ inspectionsPassed: 1, inspectionsFailed: 2, finalInspectionPassed: false, openNonconformances: 2 });
  });

  it('R5.3 only a passed FINAL inspection counts as the final inspection passed', () => {
    expect(qualityResults([{ stage: 'IN_PROCESS', result: 'PASS' }], []).finalInspectionPassed).toBe(false);
    expect(qualityResults([{ stage: 'FINAL', result: 'FAIL' }, { stage: 'FINAL', result: 'PASS' }], []).finalInspectionPassed).toBe(true);
    expect(qualityResults([], [])).toEqual({ inspectionsPassed: 0, inspectionsFailed: 0, finalInspectionPassed: false, openNonconformances: 0 });
  });
});
