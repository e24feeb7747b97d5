import { materialLateProblem, type PlanForMaterials } from './material-late';

const plan = (overrides: Partial<PlanForMaterials> = {}): PlanForMaterials => ({
  status: 'RELEASED',
  taskStarts: ['2027-01-12T00:00:00.000Z', '2027-01-10T00:00:00.000Z'],
  openProblems: [],
  ...overrides,
});
const delayed = (newDeliveryDate: string) => ({ kind: 'DELAYED' as const, contractNumber: 'PC-2026-000001', materials: ['STEEL-PLATE-10'], newDeliveryDate, reason: 'mill maintenance' });

describe(materialLateProblem.name, () => {
  it('R5.2 R5.1 a delay to a day on or after the first task starts raises MATERIAL_LATE; an earlier day does not', () => {
    expect(materialLateProblem(plan(), delayed('2027-01-09'))).toBeNull();
    expect(materialLateProblem(plan(), delayed('2027-01-10'))).toBe(
      "STEEL-PLATE-10 of purchase contract PC-2026-000001 now arrives 2027-01-10, not before the plan's first task starts on 2027-01-10 (mill maintenance)",
    );
  });

  it('R5.2 an overdue contract or rejected goods leave the date unknown: the plan is endangered', () => {
    expect(materialLateProblem(plan(), { kind: 'OVERDUE', contractNumber: 'PC-2026-000002', materials: ['BOLT-M16'], deliveryDate: '2026-12-01' })).toContain('overdue since 2026-12-01');
    expect(materialLateProblem(plan(), { kind: 'REJECTED', contractNumber: 'PC-2026-000003', materials: ['BOLT-M16'], disposition: 'EXCHANGE', note: 'wrong thread' })).toContain('rejected at incoming inspection (EXCHANGE: wrong thread)');
  });

  it('R5.2 a finished plan, a plan without tasks, or a contract with an open MATERIAL_LATE problem raises nothing', () => {
    expect(materialLateProblem(plan({ status: 'COMPLETED' }), delayed('2027-02-01'))).toBeNull();
    expect(materialLateProblem(plan({ status: 'STOPPED' }), delayed('2027-02-01'))).toBeNull();
    expect(materialLateProblem(plan({ taskStarts: [] }), delayed('2027-02-01'))).toBeNull();
    expect(materialLateProblem(plan({ openProblems: [{ kind: 'MATERIAL_LATE', description: 'STEEL-PLATE-10 of purchase contract PC-2026-000001 now arrives ...' }] }), delayed('2027-02-01'))).toBeNull();
    expect(materialLateProblem(plan({ openProblems: [{ kind: 'MATERIAL_LATE', description: 'purchase contract PC-2026-000009 ...' }] }), delayed('2027-02-01'))).not.toBeNull();
  });
});
