import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { multiplyMoney, SalesOrderReceivedV1, sumMoney } from '@opm/contracts';
import { AuditLog, NotFoundProblem, Outbox, requestContext } from '@opm/platform';
import { CreateOrderDto } from './dto/create-order.dto';
import { OrderLine } from './order-line.entity';
import { Order } from './order.entity';
import { OrderView, toOrderView } from './order-view';

export interface OrderListQuery {
  status?: string;
  customerId?: string;
  page: number;
  pageSize: number;
}

@Injectable()
export class OrdersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  /** Records an order (R2.1, R2.2) and announces it to every department, atomically (N2). */
  async create(dto: CreateOrderDto): Promise<OrderView> {
    return this.dataSource.transaction(async (m) => {
      const id = randomUUID();
      const lines = dto.lines.map((l, i) =>
        m.create(OrderLine, {
          orderId: id,
          lineNo: i + 1,
          productCode: l.productCode ?? null,
          productName: l.productName ?? null,
          specification: l.specification ?? null,
          quantity: l.quantity,
          unitPrice: sumMoney([l.unitPrice]),
          amount: multiplyMoney(l.unitPrice, l.quantity),
        }),
      );
      const sr = dto.specialRequirements;
      const order = m.create(Order, {
        id,
        number: await this.nextNumber(m, dto.orderDate),
        status: 'RECEIVED',
        channel: dto.channel,
        leadId: dto.leadId ?? null,
        customerId: dto.customerId,
        contactPerson: dto.contactPerson ?? null,
        contactPhone: dto.contactPhone ?? null,
        orderDate: dto.orderDate,
        deliveryDate: dto.deliveryDate ?? null,
        deliveryPlace: dto.deliveryPlace ?? null,
        paymentTerms: dto.paymentTerms ?? null,
        currency: dto.currency,
        totalAmount: sumMoney(lines.map((l) => l.amount)),
        specialRequirements: {
          customization: sr?.customization ?? null,
          packaging: sr?.packaging ?? null,
          transportMode: sr?.transportMode ?? null,
          other: sr?.other ?? null,
        },
        createdBy: requestContext.get()?.actor?.username ?? null,
        lines,
      });
      await m.save(order);
      const saved = await m.findOneOrFail(Order, { where: { id }, relations: { lines: true } });
      const view = toOrderView(saved);
      await this.audit.record(m, { action: 'order.recorded', entityType: 'order', entityId: id, orderId: id, after: view });
      await this.outbox.publish(m, SalesOrderReceivedV1, { orderId: id }, {
        orderId: id,
        number: view.number,
        channel: view.channel,
        customerId: view.customerId,
        orderDate: view.orderDate,
        deliveryDate: view.deliveryDate,
        deliveryPlace: view.deliveryPlace,
        paymentTerms: view.paymentTerms,
        currency: view.currency,
        totalAmount: view.totalAmount,
        lines: view.lines,
        specialRequirements: view.specialRequirements,
      });
      return view;
    });
  }

  async get(id: string): Promise<OrderView> {
    const order = await this.dataSource.getRepository(Order).findOne({ where: { id }, relations: { lines: true } });
    if (!order) throw new NotFoundProblem(`order ${id} not found`);
    return toOrderView(order);
  }

  async list(query: OrderListQuery): Promise<{ items: OrderView[]; total: number; page: number; pageSize: number }> {
    const [orders, total] = await this.dataSource.getRepository(Order).findAndCount({
      where: {
        ...(query.status ? { status: query.status as Order['status'] } : {}),
        ...(query.customerId ? { customerId: query.customerId } : {}),
      },
      relations: { lines: true },
      order: { createdAt: 'DESC', number: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: orders.map(toOrderView), total, page: query.page, pageSize: query.pageSize };
  }

  /** SO-<year>-<seq>: the counter row is locked by this transaction, so numbers are unique and gap-free. */
  private async nextNumber(m: EntityManager, orderDate: string): Promise<string> {
    const year = Number(orderDate.slice(0, 4));
    const [{ last_value }] = await m.query(
      `INSERT INTO sales_order_number (year, last_value) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last_value = sales_order_number.last_value + 1
       RETURNING last_value`,
      [year],
    );
    return `SO-${year}-${String(last_value).padStart(6, '0')}`;
  }
}
