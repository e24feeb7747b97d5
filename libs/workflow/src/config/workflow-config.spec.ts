import { loadWorkflowConfig } from './workflow-config';

describe(loadWorkflowConfig.name, () => {
  it('R3.7 review tasks are due in a day and scanned every 5 s unless told; auto-confirm follows DEMO_DATA when unset', () => {
    expect(loadWorkflowConfig({})).toEqual({ REVIEW_DUE_SECONDS: 86_400, REVIEW_SCAN_MS: 5000 });
    const config = loadWorkflowConfig({ REVIEW_DUE_SECONDS: '60', REVIEW_DUE_SECONDS_FINANCE: '30', REVIEW_AUTO_CONFIRM: '0', REVIEW_SCAN_MS: '250' });
    expect(config).toMatchObject({ REVIEW_DUE_SECONDS: 60, REVIEW_DUE_SECONDS_FINANCE: 30, REVIEW_AUTO_CONFIRM: false, REVIEW_SCAN_MS: 250 });
    expect(loadWorkflowConfig({ REVIEW_AUTO_CONFIRM: 'true' }).REVIEW_AUTO_CONFIRM).toBe(true);
  });

  it('N6 a bad setting stops the start and names the variable', () => {
    expect(() => loadWorkflowConfig({ REVIEW_DUE_SECONDS_QUALITY: 'a day' })).toThrow(/REVIEW_DUE_SECONDS_QUALITY/);
    expect(() => loadWorkflowConfig({ REVIEW_SCAN_MS: '10' })).toThrow(/REVIEW_SCAN_MS/);
    expect(() => loadWorkflowConfig({ REVIEW_AUTO_CONFIRM: 'yes' })).toThrow(/REVIEW_AUTO_CONFIRM/);
  });
});
