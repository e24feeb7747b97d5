export * from './enums';
export * from './envelope';
export * from './event-definition';
export * from './money';
export * from './events/sales-order-received/sales-order-received.event';
export * from './topics';
