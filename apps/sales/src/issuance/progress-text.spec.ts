import { progressText } from './progress-text';

const base = { planStatus: null, tasksDone: 0, tasksTotal: 0, expectedDate: '2027-03-31', promisedDate: '2027-03-31' };

describe('customer confirmation progress text', () => {
  it('R4.4 says where execution stands, from the real state, not a constant', () => {
    expect(progressText({ ...base, status: 'ISSUED' })).toBe('Issued to production, plan being prepared / 已下达生产，生产计划编制中');
    expect(progressText({ ...base, status: 'ISSUED', tasksTotal: 3, planStatus: 'DRAFT' })).toBe('Issued to production, plan being prepared; 3 production tasks planned / 已下达生产，生产计划编制中；已计划生产任务 3 项');
    expect(progressText({ ...base, status: 'IN_EXECUTION', tasksDone: 1, tasksTotal: 4, planStatus: 'IN_PROGRESS' })).toBe('In production; 1 of 4 production tasks done (25%) / 生产中；已完成生产任务 1/4（25%）');
    expect(progressText({ ...base, status: 'SHIPPED' })).toBe('Shipped / 已发货');
  });

  it('R4.4 tells the expected delivery date when it differs from the promise', () => {
    expect(progressText({ ...base, status: 'IN_EXECUTION', tasksTotal: 2, tasksDone: 2, expectedDate: '2027-04-03' })).toBe('In production; 2 of 2 production tasks done (100%); now expected on 2027-04-03 / 生产中；已完成生产任务 2/2（100%）；预计 2027-04-03 交付');
  });
});
