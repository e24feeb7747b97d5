import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, ILike } from 'typeorm';
import { FinanceCreditUpdated, SalesCustomerRegisteredV1 } from '@opm/contracts';
import { AuditLog, inTransaction, NotFoundProblem, Outbox, Page } from '@opm/platform';
import { CustomerCredit } from './customer-credit.entity';
import { Customer } from './customer.entity';
import { CustomerView, toCustomerView } from './customer-view';
import { CreateCustomerDto } from './dto/create-customer.dto';

@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async create(dto: CreateCustomerDto, id: string = randomUUID()): Promise<CustomerView> {
    return inTransaction(this.dataSource, async (m) => {
      const customer = await this.register(m, dto, id);
      return toCustomerView(customer, null);
    });
  }

  /** Registers a customer and tells finance, in the caller's transaction (also used by the demo seed). */
  async register(m: EntityManager, dto: CreateCustomerDto, id: string): Promise<Customer> {
    const customer = await m.save(
      m.create(Customer, {
        id,
        name: dto.name,
        contactPerson: dto.contactPerson,
        phone: dto.phone,
        email: dto.email ?? null,
        address: dto.address ?? null,
      }),
    );
    await this.outbox.publish(m, SalesCustomerRegisteredV1, { key: id }, {
      customerId: id,
      name: customer.name,
      contactPerson: customer.contactPerson,
      phone: customer.phone,
      email: customer.email,
      address: customer.address,
    });
    await this.audit.record(m, { action: 'customer.registered', entityType: 'customer', entityId: id, after: customer });
    return customer;
  }

  async get(id: string): Promise<CustomerView> {
    const customer = await this.dataSource.getRepository(Customer).findOneBy({ id });
    if (!customer) throw new NotFoundProblem(`customer ${id} not found`);
    return toCustomerView(customer, await this.dataSource.getRepository(CustomerCredit).findOneBy({ customerId: id }));
  }

  async list(query: { name?: string; page: number; pageSize: number }): Promise<Page<CustomerView>> {
    const [customers, total] = await this.dataSource.getRepository(Customer).findAndCount({
      where: query.name ? { name: ILike(`%${query.name.replace(/[%_\\]/g, '\\$&')}%`) } : {},
      order: { name: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    const credits = await this.dataSource.getRepository(CustomerCredit).findBy(customers.map((c) => ({ customerId: c.id })));
    const byId = new Map(credits.map((c) => [c.customerId, c]));
    return { items: customers.map((c) => toCustomerView(c, byId.get(c.id) ?? null)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Finance's newer standing replaces the copy; an older one (redelivered late) is ignored. */
  async applyCredit(m: EntityManager, credit: FinanceCreditUpdated): Promise<void> {
    await m.query(
      `INSERT INTO sales_customer_credit ("customerId", "creditLimit", currency, "openOrderAmount", "openInvoiceAmount", exposure, "overdueAmount", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ("customerId") DO UPDATE SET
         "creditLimit" = EXCLUDED."creditLimit", currency = EXCLUDED.currency, "openOrderAmount" = EXCLUDED."openOrderAmount",
         "openInvoiceAmount" = EXCLUDED."openInvoiceAmount", exposure = EXCLUDED.exposure, "overdueAmount" = EXCLUDED."overdueAmount",
         "updatedAt" = EXCLUDED."updatedAt"
       WHERE sales_customer_credit."updatedAt" <= EXCLUDED."updatedAt"`,
      [
        credit.customerId,
        credit.creditLimit,
        credit.currency,
        credit.openOrderAmount,
        credit.openInvoiceAmount,
        credit.exposure,
        credit.overdueAmount,
        credit.updatedAt,
      ],
    );
  }
}
