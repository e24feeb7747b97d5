import { ConfigError } from '@opm/platform';
import { loadSalesConfig } from './sales-config';

describe(loadSalesConfig.name, () => {
  it('R4.1 the default chain is sales head, division leader, finance', () => {
    expect(loadSalesConfig({}).APPROVAL_STEPS).toEqual(['SALES_HEAD', 'DIVISION_LEADER', 'FINANCE']);
  });

  it('R4.1 the chain is configurable, and a bad step or a repeated one is named', () => {
    expect(loadSalesConfig({ APPROVAL_STEPS: 'FINANCE, SALES_HEAD' }).APPROVAL_STEPS).toEqual(['FINANCE', 'SALES_HEAD']);
    expect(() => loadSalesConfig({ APPROVAL_STEPS: 'SALES_HEAD,CEO' })).toThrow(ConfigError);
    expect(() => loadSalesConfig({ APPROVAL_STEPS: 'SALES_HEAD,SALES_HEAD' })).toThrow(/APPROVAL_STEPS: a step may appear once/);
    expect(() => loadSalesConfig({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
  });
});
