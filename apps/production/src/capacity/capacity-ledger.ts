import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PlanStatus } from '@opm/contracts';
import type { CommittedLoad } from '../review/capacity-assessment';

export interface LedgerEntry {
  workCentre: string;
  date: string;
  hours: number;
}

/**
 * The load ledger (R3.3): the hours each production plan holds per work centre and day (`capacity_load`),
 * written in the transaction that drafts, re-plans, releases, stops or completes the plan, so a capacity
 * assessment or a new schedule reads the days of its horizon, never every other order.
 */
@Injectable()
export class CapacityLedger {
  /**
   * Locks every work centre, in code order, for the rest of the transaction: two plans scheduled at once take
   * turns, so the second sees the hours the first took and neither overbooks a day.
   */
  async lockCentres(m: EntityManager): Promise<void> {
    await m.query(`SELECT code FROM work_centre ORDER BY code FOR UPDATE`);
  }

  /** Hours held per centre and day between `from` and `to` (inclusive), other plans than `exceptPlanId`. */
  async heldBetween(m: EntityManager, from: string, to: string, exceptPlanId: string | null = null): Promise<Map<string, Map<string, number>>> {
    const rows: { workCentre: string; date: string; hours: string }[] = await m.query(
      `SELECT "workCentre", date::text AS date, sum(hours) AS hours FROM capacity_load
       WHERE date BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR "planId" <> $3::uuid)
       GROUP BY "workCentre", date`,
      [from, to, exceptPlanId],
    );
    const held = new Map<string, Map<string, number>>();
    for (const r of rows) {
      const days = held.get(r.workCentre) ?? new Map<string, number>();
      days.set(r.date, Number(r.hours));
      held.set(r.workCentre, days);
    }
    return held;
  }

  /** What other orders' plans hold between `from` and `to`, with the order numbers, for the capacity review. */
  async loadOfOthers(m: EntityManager, orderId: string, from: string, to: string): Promise<CommittedLoad[]> {
    const rows: { workCentre: string; date: string; hours: string; orders: string[] }[] = await m.query(
      `SELECT l."workCentre", l.date::text AS date, sum(l.hours) AS hours, array_agg(DISTINCT p."orderNumber") AS orders
       FROM capacity_load l JOIN production_plan p ON p.id = l."planId"
       WHERE l.date BETWEEN $2 AND $3 AND l."orderId" <> $1
       GROUP BY l."workCentre", l.date`,
      [orderId, from, to],
    );
    return rows.map((r) => ({ workCentre: r.workCentre, date: r.date, hours: Number(r.hours), orders: r.orders }));
  }

  /** Records the hours a plan holds, replacing what it held before (a draft or a re-plan). */
  async hold(m: EntityManager, plan: { id: string; orderId: string; status: PlanStatus }, entries: readonly LedgerEntry[]): Promise<void> {
    await m.query(`DELETE FROM capacity_load WHERE "planId" = $1`, [plan.id]);
    if (entries.length === 0) return;
    await m.query(
      `INSERT INTO capacity_load ("planId", "orderId", "workCentre", date, hours, "planStatus")
       SELECT $1, $2, e."workCentre", e.date::date, e.hours, $3 FROM jsonb_to_recordset($4::jsonb) AS e("workCentre" text, date text, hours numeric)`,
      [plan.id, plan.orderId, plan.status, JSON.stringify(entries)],
    );
  }

  /** The plan's status moved (released, in progress): its rows say so. */
  async restamp(m: EntityManager, planId: string, status: PlanStatus): Promise<void> {
    await m.query(`UPDATE capacity_load SET "planStatus" = $2 WHERE "planId" = $1`, [planId, status]);
  }

  /** A stopped or completed plan frees what it still held: every day from `from` on. Returns the hours freed. */
  async free(m: EntityManager, planId: string, from: string): Promise<number> {
    const rows: { hours: string }[] = await m.query(`DELETE FROM capacity_load WHERE "planId" = $1 AND date >= $2 RETURNING hours`, [planId, from]);
    return rows.reduce((sum, r) => sum + Number(r.hours), 0);
  }

  /** The plan's ledger rows, by day (what tests and the audit show). */
  async heldBy(m: EntityManager, planId: string): Promise<LedgerEntry[]> {
    const rows: { workCentre: string; date: string; hours: string }[] = await m.query(
      `SELECT "workCentre", date::text AS date, hours FROM capacity_load WHERE "planId" = $1 ORDER BY date, "workCentre"`,
      [planId],
    );
    return rows.map((r) => ({ workCentre: r.workCentre, date: r.date, hours: Number(r.hours) }));
  }
}
