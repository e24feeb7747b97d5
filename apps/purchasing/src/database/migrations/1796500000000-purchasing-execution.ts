import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Purchasing's execution (R5.2): an issued order's material requirements, stock reserved for orders, purchase
 * contracts with their delays, receipts of goods awaiting quality's incoming inspection, and gap-free numbers.
 */
export class PurchasingExecution1796500000000 implements MigrationInterface {
  name = 'PurchasingExecution1796500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE material_requirement (
        "orderId"           uuid NOT NULL,
        "materialCode"      text NOT NULL,
        unit                text NOT NULL,
        lines               integer[] NOT NULL,
        required            numeric(18,3) NOT NULL CHECK (required > 0),
        reserved            numeric(18,3) NOT NULL CHECK (reserved >= 0),
        "toPurchase"        numeric(18,3) NOT NULL CHECK ("toPurchase" >= 0),
        "neededBy"          date,
        "latestOrderDate"   date,
        "supplierId"        text,
        "standardUnitCost"  numeric(18,2),
        currency            char(3),
        "computedAt"        timestamptz NOT NULL,
        PRIMARY KEY ("orderId", "materialCode")
      )`);
    // Free stock = on hand - active reservations: the sum per material is what every requirement and review reads.
    await q.query(`
      CREATE TABLE stock_reservation (
        id             uuid PRIMARY KEY,
        "orderId"      uuid NOT NULL,
        material       text NOT NULL REFERENCES stock_item(material),
        quantity       numeric(18,3) NOT NULL CHECK (quantity > 0),
        source         text NOT NULL CHECK (source IN ('STOCK', 'RECEIPT')),
        "receiptId"    uuid,
        "reservedAt"   timestamptz NOT NULL,
        "releasedAt"   timestamptz,
        "releaseReason" text
      )`);
    await q.query(`CREATE INDEX stock_reservation_active ON stock_reservation (material) WHERE "releasedAt" IS NULL`);
    await q.query(`CREATE INDEX stock_reservation_order ON stock_reservation ("orderId")`);
    await q.query(`
      CREATE TABLE purchasing_number_sequence (
        kind   text NOT NULL,
        year   integer NOT NULL,
        last   integer NOT NULL,
        PRIMARY KEY (kind, year)
      )`);
    await q.query(`
      CREATE TABLE purchase_contract (
        id                      uuid PRIMARY KEY,
        number                  text NOT NULL UNIQUE,
        "orderId"               uuid NOT NULL,
        "supplierId"            text NOT NULL REFERENCES supplier(code),
        "supplierName"          text NOT NULL,
        currency                char(3) NOT NULL,
        lines                   jsonb NOT NULL,
        "totalAmount"           numeric(18,2) NOT NULL,
        "deliveryDate"          date NOT NULL,
        "originalDeliveryDate"  date NOT NULL,
        "restockingFeePercent"  numeric(5,2),
        status                  text NOT NULL,
        version                 integer NOT NULL,
        delays                  jsonb NOT NULL DEFAULT '[]',
        "createdBy"             text NOT NULL,
        "createdAt"             timestamptz NOT NULL,
        "signedBy"              text,
        "signedAt"              timestamptz,
        "dueAt"                 timestamptz,
        "escalatedAt"           timestamptz
      )`);
    await q.query(`CREATE INDEX purchase_contract_order ON purchase_contract ("orderId")`);
    await q.query(`CREATE INDEX purchase_contract_due ON purchase_contract ("dueAt") WHERE "escalatedAt" IS NULL`);
    await q.query(`
      CREATE TABLE goods_receipt (
        id             uuid PRIMARY KEY,
        "contractId"   uuid NOT NULL REFERENCES purchase_contract(id),
        "orderId"      uuid NOT NULL,
        lines          jsonb NOT NULL,
        status         text NOT NULL CHECK (status IN ('AWAITING_INSPECTION', 'ACCEPTED', 'REJECTED')),
        disposition    text CHECK (disposition IN ('RETURN', 'EXCHANGE')),
        note           text,
        "receivedBy"   text NOT NULL,
        "receivedAt"   timestamptz NOT NULL,
        "inspectedBy"  text,
        "inspectedAt"  timestamptz
      )`);
    await q.query(`CREATE INDEX goods_receipt_contract ON goods_receipt ("contractId")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE goods_receipt`);
    await q.query(`DROP TABLE purchase_contract`);
    await q.query(`DROP TABLE purchasing_number_sequence`);
    await q.query(`DROP TABLE stock_reservation`);
    await q.query(`DROP TABLE material_requirement`);
  }
}
