import { ReviewTask } from '../review/review-task.entity';
import { ReviewTasks1764100000600 } from '../review/review-tasks.migration';
import { ReceivedOrder } from './received-order.entity';
import { DEPARTMENT_ORDER_MIGRATIONS } from './received-order.migration';

/** What every reviewing department's database holds from the platform: its order copies and review tasks. */
export const REVIEWING_DEPARTMENT_ENTITIES = [ReceivedOrder, ReviewTask];
export const REVIEWING_DEPARTMENT_MIGRATIONS = [...DEPARTMENT_ORDER_MIGRATIONS, ReviewTasks1764100000600];
