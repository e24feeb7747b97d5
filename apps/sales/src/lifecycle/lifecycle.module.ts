import { Module } from '@nestjs/common';
import { OrderFacts } from './order-facts';
import { OrderLifecycle } from './order-lifecycle.service';
import { OrderRepository } from './order.repository';
import { OrdersController } from './orders.controller';

/** The order, its state machine and the one transition service; every stage imports this and nothing of another stage. */
@Module({ controllers: [OrdersController], providers: [OrderRepository, OrderLifecycle, OrderFacts], exports: [OrderRepository, OrderLifecycle, OrderFacts] })
export class LifecycleModule {}
