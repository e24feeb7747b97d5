import { randomUUID } from 'node:crypto';
import { ModulesContainer } from '@nestjs/core';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { addDays, DEMO_CURRENCY, type EventDefinition, isoDay, type OrderSnapshot } from '@opm/contracts';
import { type BrokerMessage, InMemoryContext } from '@opm/platform';
import { AppContext, startAppContext } from '@opm/testing';
import { ProductionAppModule } from '../app.module';
import { ProductsService } from '../catalog/products.service';
import { DEMO_PRODUCTS, DEMO_WORK_CENTRES } from '../demo/demo-catalog';
import { WorkCentresService } from '../work-centres/work-centres.service';

/** Production's modules on a fresh database of the real PostgreSQL (no HTTP, no Kafka), with the demo catalog and work centres. */
export async function startProduction(database: string, env: Record<string, string> = {}): Promise<AppContext> {
  const ctx = await startAppContext('production', (config) => ProductionAppModule.register(config), { database, env: { REVIEW_SCAN_MS: '3600000', ...env } });
  await ctx.dataSource.transaction(async (m) => {
    // Today's calendar instead of the demo's fixed dates, so the figures do not depend on the day the test runs.
    for (const centre of DEMO_WORK_CENTRES) await ctx.app.get(WorkCentresService).insertIfMissing(m, { ...centre, calendarExceptions: [] });
    for (const product of DEMO_PRODUCTS) await ctx.app.get(ProductsService).insertIfMissing(m, product);
  });
  return ctx;
}

let offset = 0;

/**
 * Hands an event to the service's handler of its topic as the transport does (an EventContext over the raw
 * message), so it goes through the inbox and the consumer under test. Returns the envelope, to deliver it again.
 */
export async function deliver<P>(ctx: AppContext, definition: EventDefinition<P>, payload: P, orderId: string, envelope?: Record<string, unknown>): Promise<Record<string, unknown>> {
  const sent = envelope ?? {
    eventId: randomUUID(),
    type: definition.type,
    version: definition.version,
    occurredAt: new Date().toISOString(),
    orderId,
    correlationId: randomUUID(),
    causationId: null,
    actor: { username: 'system:sales' },
    payload,
  };
  const message: BrokerMessage = {
    topic: definition.topic,
    partition: 0,
    offset: String(offset++),
    key: Buffer.from(orderId),
    value: Buffer.from(JSON.stringify(sent)),
    headers: {},
    timestamp: String(Date.now()),
  };
  const handlers: ((c: InMemoryContext) => Promise<void>)[] = [];
  for (const module of ctx.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance) continue;
      const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const method = proto[name];
        if (typeof method !== 'function') continue;
        const patterns = Reflect.getMetadata(PATTERN_METADATA, method) as unknown[] | undefined;
        if (patterns?.includes(definition.topic)) handlers.push((c) => (method as (c: InMemoryContext) => Promise<void>).call(instance, c));
      }
    }
  }
  if (handlers.length === 0) throw new Error(`no handler of ${definition.topic} in production`);
  for (const handle of handlers) await handle(new InMemoryContext([message]));
  return sent;
}

/** An order as sales records and issues it: P-100 x quantity unless told, delivered in `days` days. */
export function orderSnapshot(number: string, lines: Partial<OrderSnapshot['lines'][number]>[] = [{}], days = 120): OrderSnapshot {
  return {
    orderId: randomUUID(),
    number,
    channel: 'PHONE',
    customerId: randomUUID(),
    orderDate: isoDay(new Date()),
    deliveryDate: addDays(isoDay(new Date()), days),
    deliveryPlace: 'Pudong warehouse 3, Shanghai',
    paymentTerms: '30 days net',
    currency: DEMO_CURRENCY,
    totalAmount: '1250.00',
    lines: lines.map((l, i) => ({ lineNo: i + 1, productCode: 'P-100', productName: null, specification: null, quantity: 100, unitPrice: '12.50', amount: '1250.00', ...l })),
    specialRequirements: { customization: null, packaging: null, transportMode: null, other: null },
  };
}

export const issuedPayload = (order: OrderSnapshot) => ({
  orderId: order.orderId,
  number: order.number,
  issuedAt: new Date().toISOString(),
  signedBy: 'sales.head',
  documentHash: 'a'.repeat(64),
  acknowledgeBy: new Date(Date.now() + 3_600_000).toISOString(),
  order,
});
