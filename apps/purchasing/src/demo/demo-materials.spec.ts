import { toMinorUnits } from '@opm/contracts';
import { DEMO_BOMS, DEMO_STOCK, DEMO_SUPPLIERS } from './demo-materials';

const sourcesOf = (material: string) => DEMO_SUPPLIERS.filter((s) => s.active && s.materials.some((m) => m.material === material));

describe('purchasing demo master data', () => {
  it('R3.5 every material of every demo bill of materials has a stock record and at least one active supplier', () => {
    const stocked = new Set(DEMO_STOCK.map((s) => s.material));
    const materials = DEMO_BOMS.flatMap((b) => b.lines.map((l) => l.material));
    expect(materials.filter((m) => !stocked.has(m))).toEqual([]);
    expect(materials.filter((m) => sourcesOf(m).length === 0)).toEqual([]);
    expect(DEMO_BOMS.map((b) => b.bomRef)).toEqual(['BOM-P-100', 'BOM-P-200', 'BOM-P-300', 'BOM-P-400']);
  });

  it('R3.5 the solenoid is the single-source, long-lead-time risk the hydraulic valve review must surface', () => {
    const solenoid = sourcesOf('SOLENOID-24V');
    expect(solenoid).toHaveLength(1);
    expect(solenoid[0].materials.find((m) => m.material === 'SOLENOID-24V')?.leadTimeDays).toBe(75);
    // No other material is both single-sourced and slow: the risk is one, clearly attributable.
    const materials = [...new Set(DEMO_BOMS.flatMap((b) => b.lines.map((l) => l.material)))];
    const slowSingleSource = materials.filter((m) => {
      const sources = sourcesOf(m);
      return sources.length === 1 && sources[0].materials.some((x) => x.material === m && x.leadTimeDays > 30);
    });
    expect(slowSingleSource).toEqual(['SOLENOID-24V']);
  });

  it('N3 supplier prices are exact decimal amounts with a currency', () => {
    for (const s of DEMO_SUPPLIERS) {
      for (const m of s.materials) {
        expect(() => toMinorUnits(m.unitPrice)).not.toThrow();
        expect(m.currency).toMatch(/^[A-Z]{3}$/);
      }
    }
  });
});
