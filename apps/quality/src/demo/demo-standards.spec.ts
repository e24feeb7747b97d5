import { requestedStandards } from '../review/requested-standards';
import { DEMO_QUALITY_CAPABILITIES } from './demo-standards';

describe('quality demo standards', () => {
  it('R3.4 every attainable standard is written as the review normalises it, so an order asking for it matches', () => {
    for (const c of DEMO_QUALITY_CAPABILITIES) {
      for (const s of c.attainableStandards) expect(requestedStandards(s)).toEqual([s]);
    }
    expect(DEMO_QUALITY_CAPABILITIES.map((c) => c.productCode)).toEqual(['P-100', 'P-200', 'P-300', 'P-400']);
  });
});
