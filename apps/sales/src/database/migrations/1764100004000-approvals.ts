import { MigrationInterface, QueryRunner } from 'typeorm';

/** Approval chains and delegations, issuance with its acknowledgements, customer confirmations (R4). */
export class Approvals1764100004000 implements MigrationInterface {
  name = 'Approvals1764100004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sales_approval_step (
        "orderId"      uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        chain          integer NOT NULL,
        seq            integer NOT NULL,
        step           text NOT NULL,
        status         text NOT NULL,
        "decidedBy"    text,
        "onBehalfOf"   text,
        "decidedAt"    timestamptz,
        comment        text,
        version        integer NOT NULL,
        PRIMARY KEY ("orderId", chain, step)
      )`);
    await q.query(`
      CREATE TABLE sales_approval_delegation (
        id           uuid PRIMARY KEY,
        step         text NOT NULL,
        delegator    text NOT NULL,
        delegate     text NOT NULL,
        "validFrom"  timestamptz NOT NULL,
        "validTo"    timestamptz NOT NULL,
        reason       text NOT NULL,
        "createdAt"  timestamptz NOT NULL DEFAULT now(),
        "revokedAt"  timestamptz,
        CHECK ("validFrom" < "validTo")
      )`);
    await q.query(`CREATE INDEX sales_approval_delegation_delegate ON sales_approval_delegation (delegate, step)`);
    await q.query(`
      CREATE TABLE sales_issuance (
        "orderId"        uuid PRIMARY KEY REFERENCES sales_order(id) ON DELETE CASCADE,
        "signedBy"       text NOT NULL,
        "signedAt"       timestamptz NOT NULL,
        "documentHash"   text NOT NULL,
        document         jsonb NOT NULL,
        "acknowledgeBy"  timestamptz NOT NULL,
        "escalatedAt"    timestamptz
      )`);
    await q.query(`
      CREATE TABLE sales_issue_ack (
        "orderId"         uuid NOT NULL REFERENCES sales_issuance("orderId") ON DELETE CASCADE,
        department        text NOT NULL,
        "documentHash"    text NOT NULL,
        "acknowledgedAt"  timestamptz NOT NULL,
        PRIMARY KEY ("orderId", department)
      )`);
    await q.query(`
      CREATE TABLE sales_customer_confirmation (
        id                      uuid PRIMARY KEY,
        "orderId"               uuid NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
        "confirmedBy"           text NOT NULL,
        channel                 text NOT NULL,
        "confirmedAt"           timestamptz NOT NULL,
        "expectedDeliveryDate"  date NOT NULL,
        note                    text,
        "recordedBy"            text,
        "emailedTo"             text,
        "emailMessageId"        text,
        "createdAt"             timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sales_customer_confirmation`);
    await q.query(`DROP TABLE sales_issue_ack`);
    await q.query(`DROP TABLE sales_issuance`);
    await q.query(`DROP TABLE sales_approval_delegation`);
    await q.query(`DROP TABLE sales_approval_step`);
  }
}
