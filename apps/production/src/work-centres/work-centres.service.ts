import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditLog, NotFoundProblem, type Page } from '@opm/platform';
import { rateColumns, ratesOf, type WorkCentreRates } from './work-centre-rates';
import { WorkCentre } from './work-centre.entity';
import type { CalendarExceptionView, WorkCentreView } from './work-centre.view';

export interface WorkCentreSeed {
  code: string;
  name: string;
  hoursPerDay: number;
  staff: number;
  equipment: string[];
  calendarExceptions: CalendarExceptionView[];
}

function toView(c: WorkCentre): WorkCentreView {
  const rates = ratesOf(c);
  return {
    code: c.code,
    name: c.name,
    hoursPerDay: c.hoursPerDay,
    staff: c.staff,
    equipment: c.equipment,
    labourRatePerHour: rates.labourRatePerHour,
    overheadRatePerHour: rates.overheadRatePerHour,
    rateCurrency: rates.currency,
    calendarExceptions: [...(c.exceptions ?? [])]
      .sort((a, b) => a.date.localeCompare(b.date))
      .map((e) => ({ date: e.date, hours: e.hours, reason: e.reason })),
  };
}

/** Work centres, their capacity calendar and resources (R3.3, R5.1); plans' load is in the capacity ledger. */
@Injectable()
export class WorkCentresService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async list(page: number, pageSize: number): Promise<Page<WorkCentreView>> {
    const [centres, total] = await this.dataSource.getRepository(WorkCentre).findAndCount({
      relations: { exceptions: true },
      order: { code: 'ASC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { items: centres.map(toView), total, page, pageSize };
  }

  async get(code: string): Promise<WorkCentreView> {
    const centre = await this.dataSource.getRepository(WorkCentre).findOne({ where: { code }, relations: { exceptions: true } });
    if (!centre) throw new NotFoundProblem(`work centre ${code} not found`);
    return toView(centre);
  }

  /**
   * The production head sets a centre's hourly rates (R5.6): work reported from now on is costed at them; what was
   * reported before keeps the rates it was reported at (they travel in each production.work.reported event).
   */
  async setRates(code: string, input: WorkCentreRates & { reason?: string }): Promise<WorkCentreView> {
    return this.dataSource.transaction(async (m) => {
      const centre = await m.getRepository(WorkCentre).createQueryBuilder('c').setLock('pessimistic_write').where('c.code = :code', { code }).getOne();
      if (!centre) throw new NotFoundProblem(`work centre ${code} not found`);
      const before = ratesOf(centre);
      const after = { labourRatePerHour: input.labourRatePerHour, overheadRatePerHour: input.overheadRatePerHour, currency: input.currency };
      await m.update(WorkCentre, { code }, rateColumns(after));
      await this.audit.record(m, { action: 'work-centre.rates-set', entityType: 'work-centre', entityId: code, reason: input.reason, before, after });
      return toView(await m.getRepository(WorkCentre).findOneOrFail({ where: { code }, relations: { exceptions: true } }));
    });
  }

  /** The codes a product's capacity use may name, read in the caller's transaction. */
  async knownCodes(m: EntityManager): Promise<Set<string>> {
    const rows = await m.getRepository(WorkCentre).find({ select: { code: true } });
    return new Set(rows.map((r) => r.code));
  }

  /**
   * Demo seeding: creates the work centre and the calendar days that are missing, leaves existing ones alone (a
   * restart, or a second replica starting at the same time, changes nothing). Returns whether the centre was new.
   */
  async insertIfMissing(m: EntityManager, seed: WorkCentreSeed): Promise<boolean> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO work_centre (code, name, "hoursPerDay", staff, equipment) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING RETURNING code`,
      [seed.code, seed.name, seed.hoursPerDay, seed.staff, seed.equipment],
    );
    for (const e of seed.calendarExceptions) {
      await m.query(
        `INSERT INTO work_centre_calendar_exception ("workCentre", date, hours, reason) VALUES ($1, $2, $3, $4)
         ON CONFLICT ("workCentre", date) DO NOTHING`,
        [seed.code, e.date, e.hours, e.reason],
      );
    }
    if (inserted.length === 0) return false;
    await this.audit.record(m, {
      action: 'work-centre.created',
      entityType: 'work-centre',
      entityId: seed.code,
      reason: 'demo data',
      after: toView(await m.getRepository(WorkCentre).findOneOrFail({ where: { code: seed.code }, relations: { exceptions: true } })),
    });
    return true;
  }
}
