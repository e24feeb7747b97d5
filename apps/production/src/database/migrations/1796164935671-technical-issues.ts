import { MigrationInterface, QueryRunner } from 'typeorm';

/** Technical issues raised on an order and answered by the technical department (R5.4). */
export class TechnicalIssues1796164935671 implements MigrationInterface {
  name = 'TechnicalIssues1796164935671';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE technical_issue (
        id                    uuid PRIMARY KEY,
        "orderId"             uuid NOT NULL REFERENCES received_order("orderId"),
        question              text NOT NULL,
        status                text NOT NULL CHECK (status IN ('OPEN', 'ANSWERED')),
        "raisedBy"            text NOT NULL,
        "raisedByDepartment"  text NOT NULL,
        "raisedAt"            timestamptz NOT NULL,
        answer                text,
        "answeredBy"          text,
        "answeredAt"          timestamptz
      )`);
    await q.query(`CREATE INDEX technical_issue_order ON technical_issue ("orderId", status, "raisedAt")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE technical_issue`);
  }
}
