import { actionRefusal, completionRefusal, controlMeasuresOf, FINAL_CHECK, holdsCapacity, planCheckpoints, progressOutcome } from './plan-rules';

const done = (name: string) => ({ name, status: 'DONE' as const });

describe('production plan rules', () => {
  it('R5.1 a stopped plan refuses every action, naming its status; a released one cannot be released again', () => {
    for (const action of ['release', 'progress', 'raise-problem', 'resolve-problem', 'complete', 'stop', 'reschedule'] as const) {
      expect(actionRefusal('STOPPED', action)).toMatch(/^the plan is STOPPED: /);
    }
    expect(actionRefusal('DRAFT', 'release')).toBeNull();
    expect(actionRefusal('RELEASED', 'release')).toBe('the plan is RELEASED: release needs DRAFT');
    expect(actionRefusal('DRAFT', 'progress')).toBe('the plan is DRAFT: progress needs RELEASED or IN_PROGRESS');
    expect(actionRefusal('IN_PROGRESS', 'complete')).toBeNull();
  });

  it('R3.3 drafted, released and in-progress plans hold capacity; stopped and completed ones do not', () => {
    expect((['DRAFT', 'RELEASED', 'IN_PROGRESS', 'COMPLETED', 'STOPPED'] as const).filter(holdsCapacity)).toEqual(['DRAFT', 'RELEASED', 'IN_PROGRESS']);
  });

  it('R5.1 progress makes the plan IN_PROGRESS and the task DONE at 100', () => {
    expect(progressOutcome(40)).toEqual({ taskStatus: 'IN_PROGRESS', planStatus: 'IN_PROGRESS' });
    expect(progressOutcome(100)).toEqual({ taskStatus: 'DONE', planStatus: 'IN_PROGRESS' });
  });

  it('R5.1 completion is refused while a problem is open or a task is not done; overproduction needs a reason', () => {
    const base = { quantityOrdered: 100, quantityProduced: 100, reason: null, tasks: [done('a')], openProblems: [] };
    expect(completionRefusal(base)).toBeNull();
    expect(completionRefusal({ ...base, openProblems: [{ id: 'p', severity: 'MAJOR', description: 'spindle failed' }] })).toEqual({
      status: 409,
      detail: '1 problem is still open: MAJOR spindle failed',
    });
    expect(completionRefusal({ ...base, tasks: [done('a'), { name: 'b', status: 'IN_PROGRESS' }] })).toEqual({ status: 409, detail: 'tasks not done: b' });
    expect(completionRefusal({ ...base, quantityProduced: 102 })).toMatchObject({ status: 422, errors: [{ field: 'reason' }] });
    expect(completionRefusal({ ...base, quantityProduced: 102, reason: '  ' })).toMatchObject({ status: 422 });
    expect(completionRefusal({ ...base, quantityProduced: 102, reason: 'two spares agreed' })).toBeNull();
    expect(completionRefusal({ ...base, quantityProduced: 98 })).toBeNull();
  });

  it("R5.1 R3.4 checkpoints are quality's control measures, each once, then the standard final check", () => {
    expect(planCheckpoints(['100% dimensional inspection', ' 100% dimensional inspection ', 'EN 10204 3.1 certificate', ''])).toEqual([
      { name: '100% dimensional inspection', source: 'QUALITY_REVIEW' },
      { name: 'EN 10204 3.1 certificate', source: 'QUALITY_REVIEW' },
      { name: FINAL_CHECK, source: 'STANDARD' },
    ]);
    expect(controlMeasuresOf({ controlMeasures: ['a', 3, 'b'], lines: [] })).toEqual(['a', 'b']);
    expect(controlMeasuresOf({})).toEqual([]);
  });
});
