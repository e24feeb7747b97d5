import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { FinanceCreditUpdatedV1, fromMinorUnits, isoDay, SalesCustomerRegistered, toMinorUnits } from '@opm/contracts';
import { assertVersion, AuditLog, BusinessRuleProblem, NotFoundProblem, Outbox } from '@opm/platform';
import { receivablesOf, type ReceivableInvoice } from '../invoices/receivables';
import { CreditAccount } from './credit-account.entity';
import type { CreditView } from './credit-account.view';
import { creditStanding, currencyChangeRefusal } from './credit-standing';
import { SetCreditLimitDto } from './dto/set-credit-limit.dto';

/** A new account's currency until finance sets a limit in another: the company books in CNY. */
export const HOME_CURRENCY = 'CNY';


export interface DemoCreditAccount {
  id: string;
  name: string;
  creditLimit: string;
}

/**
 * Credit accounts (R2.4). Every change of what sales' credit check reads (account opened, limit set) is one
 * transaction with its audit entry and a `finance.credit.updated` event keyed by customer id (N2).
 */
@Injectable()
export class CreditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async get(customerId: string): Promise<CreditView> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const account = await m.findOneBy(CreditAccount, { customerId });
      if (!account) throw this.unknown(customerId);
      return this.view(m, account);
    });
  }

  /** Sets the limit (finance head); If-Match guards against overwriting a change the caller has not seen (N3). */
  async setLimit(customerId: string, dto: SetCreditLimitDto, expectedVersion: number | undefined): Promise<CreditView> {
    return this.dataSource.transaction(async (m) => {
      // Locked: two heads setting limits at once are applied one after the other, the second against the new version.
      const account = await m.findOne(CreditAccount, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
      if (!account) throw this.unknown(customerId);
      assertVersion(`the credit account of customer ${customerId}`, account.version, expectedVersion);
      const refusal = currencyChangeRefusal({ currency: account.currency, ...(await this.receivables(m, account)) }, dto.currency);
      if (refusal) throw new BusinessRuleProblem(refusal, { errors: [{ field: 'currency', message: refusal }] });
      const creditLimit = fromMinorUnits(toMinorUnits(dto.creditLimit));
      // Setting what is already set changes nothing: no new version, no event, nothing to audit.
      if (account.creditLimit === creditLimit && account.currency === dto.currency) return this.view(m, account);
      const before = await this.view(m, account);
      await m.update(CreditAccount, { customerId }, { creditLimit, currency: dto.currency, version: account.version + 1 });
      const after = await this.view(m, await m.findOneByOrFail(CreditAccount, { customerId }));
      await this.audit.record(m, { action: 'credit-limit.set', entityType: 'credit-account', entityId: customerId, reason: dto.reason ?? null, before, after });
      await this.publish(m, after);
      return after;
    });
  }

  /**
   * Opens the account of a customer sales registered, without a limit (finance sets it). Already there (the demo
   * seed came first, or the event is a second registration of the same id): nothing changes and nothing is sent.
   */
  async openAccount(m: EntityManager, customer: SalesCustomerRegistered): Promise<boolean> {
    const opened: unknown[] = await m.query(
      `INSERT INTO credit_account ("customerId", "customerName", "creditLimit", currency, version)
       VALUES ($1, $2, NULL, $3, 1) ON CONFLICT ("customerId") DO NOTHING RETURNING "customerId"`,
      [customer.customerId, customer.name, HOME_CURRENCY],
    );
    if (opened.length === 0) return false;
    const after = await this.view(m, await m.findOneByOrFail(CreditAccount, { customerId: customer.customerId }));
    await this.audit.record(m, { action: 'credit-account.opened', entityType: 'credit-account', entityId: customer.customerId, after });
    await this.publish(m, after);
    return true;
  }

  /**
   * Demo credit limits (a demo customer's overdue debt is a demo invoice past due, seeded beside it). Whichever comes first, this seed or sales' registration event, the account ends the
   * same: created here with the demo figures, or, when the event opened it without a limit, completed here. The
   * completion keeps version 1 (it is the account's initial state, not a later change), and an account whose limit
   * finance has set since is never touched, so a restart does not undo a head's decision.
   */
  async seedDemoAccount(m: EntityManager, demo: DemoCreditAccount): Promise<boolean> {
    const seeded: unknown[] = await m.query(
      `INSERT INTO credit_account ("customerId", "customerName", "creditLimit", currency, version)
       VALUES ($1, $2, $3, $4, 1)
       ON CONFLICT ("customerId") DO UPDATE
         SET "creditLimit" = EXCLUDED."creditLimit", currency = EXCLUDED.currency, "updatedAt" = now()
         WHERE credit_account."creditLimit" IS NULL
       RETURNING "customerId"`,
      [demo.id, demo.name, demo.creditLimit, HOME_CURRENCY],
    );
    if (seeded.length === 0) return false;
    const after = await this.view(m, await m.findOneByOrFail(CreditAccount, { customerId: demo.id }));
    await this.audit.record(m, { action: 'credit-account.seeded', entityType: 'credit-account', entityId: demo.id, reason: 'demo data', after });
    await this.publish(m, after);
    return true;
  }

  /**
   * Re-announces a customer's standing after its open-order exposure changed (an order reached finance), in the
   * caller's transaction (called through OrderExposureHook by the platform's received-order consumer).
   */
  async refreshExposure(m: EntityManager, customerId: string, now: Date = new Date()): Promise<void> {
    const account = await m.findOne(CreditAccount, { where: { customerId }, lock: { mode: 'pessimistic_write' } });
    // An order for a customer finance does not know yet: opening the account will announce its exposure.
    if (!account) return;
    await this.publish(m, await this.view(m, account, now));
  }

  /** The standing as of `now`: what is overdue depends on the day. */
  private async view(m: EntityManager, account: CreditAccount, now: Date = new Date()): Promise<CreditView> {
    // Orders and invoices in another currency cannot be added without an exchange rate; they are left out (see the report).
    // An order counts until it is invoiced; from then on its invoice's outstanding amount does.
    const [{ total }] = await m.query(
      `SELECT coalesce(sum(r."totalAmount"), 0)::text AS total FROM received_order r
        WHERE r."customerId" = $1 AND r.currency = $2 AND NOT EXISTS (SELECT 1 FROM finance_invoice i WHERE i."orderId" = r."orderId")`,
      [account.customerId, account.currency],
    );
    return {
      customerId: account.customerId,
      customerName: account.customerName,
      currency: account.currency,
      ...creditStanding({ creditLimit: account.creditLimit, openOrderAmount: total, ...(await this.receivables(m, account, now)) }),
      version: account.version,
      updatedAt: account.updatedAt.toISOString(),
    };
  }

  /** Open and overdue invoice amounts as of today, from finance's invoices and their payments (R2.4, R7.3). */
  private async receivables(m: EntityManager, account: CreditAccount, now: Date = new Date()): Promise<{ openInvoiceAmount: string; overdueAmount: string }> {
    const invoices: ReceivableInvoice[] = await m.query(
      `SELECT i.amount::text AS amount, i."dueDate"::text AS "dueDate", i.status, coalesce(sum(p.amount), 0)::text AS paid
         FROM finance_invoice i LEFT JOIN finance_payment p ON p."invoiceId" = i.id
        WHERE i."customerId" = $1 AND i.currency = $2 AND i.status NOT IN ('PAID', 'VOID')
        GROUP BY i.id`,
      [account.customerId, account.currency],
    );
    return receivablesOf(invoices, isoDay(now));
  }

  private async publish(m: EntityManager, v: CreditView): Promise<void> {
    await this.outbox.publish(m, FinanceCreditUpdatedV1, { key: v.customerId }, {
      customerId: v.customerId,
      creditLimit: v.creditLimit,
      currency: v.currency,
      openOrderAmount: v.openOrderAmount,
      openInvoiceAmount: v.openInvoiceAmount,
      exposure: v.exposure,
      overdueAmount: v.overdueAmount,
      updatedAt: v.updatedAt,
    });
  }

  private unknown(customerId: string): NotFoundProblem {
    return new NotFoundProblem(`customer ${customerId} has no credit account in finance (not registered by sales, or not arrived yet)`);
  }
}
