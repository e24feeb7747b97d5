import type { OrderProgress } from '../lifecycle/order-facts';

const STAGES: Partial<Record<OrderProgress['status'], [string, string]>> = {
  ISSUED: ['Issued to production, plan being prepared', '已下达生产，生产计划编制中'],
  IN_EXECUTION: ['In production', '生产中'],
  READY_TO_SHIP: ['Produced and inspected, ready to ship', '已完成生产并检验，待发货'],
  SHIPPED: ['Shipped', '已发货'],
  DELIVERED: ['Delivered', '已交付'],
  INVOICED: ['Delivered and invoiced', '已交付并开票'],
  SETTLED: ['Delivered and paid', '已交付并结清'],
};

/**
 * The progress told to the customer with the confirmation (R4.4), from where execution really stands: the stage the
 * order is in, how many of the plan's tasks are done, and the expected delivery date when it differs from the
 * promise. English, then Chinese.
 */
export function progressText(p: OrderProgress): string {
  const [en, zh] = STAGES[p.status] ?? [`Status ${p.status}`, `状态 ${p.status}`];
  const parts = [en];
  const partsZh = [zh];
  if (p.tasksTotal > 0 && p.status === 'IN_EXECUTION') {
    const percent = Math.round((p.tasksDone / p.tasksTotal) * 100);
    parts.push(`${p.tasksDone} of ${p.tasksTotal} production tasks done (${percent}%)`);
    partsZh.push(`已完成生产任务 ${p.tasksDone}/${p.tasksTotal}（${percent}%）`);
  } else if (p.tasksTotal > 0 && p.status === 'ISSUED') {
    parts.push(`${p.tasksTotal} production tasks planned`);
    partsZh.push(`已计划生产任务 ${p.tasksTotal} 项`);
  }
  if (p.expectedDate && p.expectedDate !== p.promisedDate) {
    parts.push(`now expected on ${p.expectedDate}`);
    partsZh.push(`预计 ${p.expectedDate} 交付`);
  }
  return `${parts.join('; ')} / ${partsZh.join('；')}`;
}
