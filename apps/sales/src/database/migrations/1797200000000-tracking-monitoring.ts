import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live monitoring (R6.4), escalations (R6.5) and tracking meetings (R6.3). No foreign key from the items to the order:
 * a department's event about an order sales does not know is ignored by the projection, not retried.
 */
export class TrackingMonitoring1797200000000 implements MigrationInterface {
  name = 'TrackingMonitoring1797200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_monitoring_order (
        "orderId"             uuid PRIMARY KEY,
        "planStart"           timestamptz,
        "planEnd"             timestamptz,
        "planStatus"          text,
        "tasksTotal"          integer NOT NULL DEFAULT 0,
        "tasksDone"           integer NOT NULL DEFAULT 0,
        "delayedSupplyDate"   date,
        "shipmentPlannedDate" date,
        "actualDeliveryDate"  date
      )`);
    await q.query(`
      CREATE TABLE sales_monitoring_item (
        id           uuid PRIMARY KEY,
        "orderId"    uuid NOT NULL,
        department   text NOT NULL,
        kind         text NOT NULL,
        "refType"    text NOT NULL,
        "refId"      text NOT NULL,
        summary      text NOT NULL,
        "dueAt"      timestamptz,
        "openedAt"   timestamptz NOT NULL,
        "closedAt"   timestamptz,
        UNIQUE (kind, "refId", department)
      )`);
    await q.query(`CREATE INDEX sales_monitoring_item_open ON sales_monitoring_item ("orderId", "dueAt") WHERE "closedAt" IS NULL`);
    await q.query(`
      CREATE TABLE sales_monitoring_change (
        seq          bigserial PRIMARY KEY,
        "orderId"    uuid NOT NULL,
        "changedAt"  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE sales_escalation (
        id           uuid PRIMARY KEY,
        "orderId"    uuid NOT NULL,
        kind         text NOT NULL,
        department   text NOT NULL,
        summary      text NOT NULL,
        "refType"    text NOT NULL,
        "refId"      text NOT NULL,
        "raisedAt"   timestamptz NOT NULL,
        "mailStatus" text NOT NULL CHECK ("mailStatus" IN ('PENDING', 'MAILED', 'NO_SMTP', 'NO_RECIPIENTS')),
        "mailedTo"   text,
        attempts     integer NOT NULL DEFAULT 0,
        "lastError"  text,
        "mailedAt"   timestamptz,
        UNIQUE (kind, "refId")
      )`);
    // R4.4: what the customer was told about progress is part of the recorded confirmation.
    await q.query(`ALTER TABLE sales_customer_confirmation ADD COLUMN progress text`);
    await q.query(`CREATE INDEX sales_escalation_pending ON sales_escalation ("raisedAt") WHERE "mailStatus" = 'PENDING'`);
    await q.query(`
      CREATE TABLE sales_tracking_meeting (
        id            uuid PRIMARY KEY,
        title         text NOT NULL,
        "orderIds"    jsonb,
        agenda        jsonb NOT NULL,
        minutes       text,
        "createdBy"   text NOT NULL,
        "createdAt"   timestamptz NOT NULL,
        "minutesBy"   text,
        "minutesAt"   timestamptz
      )`);
    await q.query(`
      CREATE TABLE sales_tracking_meeting_action (
        id            uuid PRIMARY KEY,
        "meetingId"   uuid NOT NULL REFERENCES sales_tracking_meeting(id) ON DELETE CASCADE,
        "orderId"     uuid,
        department    text NOT NULL,
        description   text NOT NULL,
        "dueAt"       timestamptz NOT NULL,
        "doneAt"      timestamptz,
        "doneBy"      text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sales_tracking_meeting_action');
    await q.query('DROP TABLE sales_tracking_meeting');
    await q.query('ALTER TABLE sales_customer_confirmation DROP COLUMN progress');
    await q.query('DROP TABLE sales_escalation');
    await q.query('DROP TABLE sales_monitoring_change');
    await q.query('DROP TABLE sales_monitoring_item');
    await q.query('DROP TABLE sales_monitoring_order');
  }
}
