import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OrderChannel } from '@opm/contracts';
import { AuditLog, inTransaction, NotFoundProblem, Page, requestContext } from '@opm/platform';
import { OrderView } from '../../lifecycle/order-view';
import { IntakeService } from '../intake.service';
import { ConvertLeadDto, CreateLeadDto } from './dto/create-lead.dto';
import { Lead, LeadSource, LeadStatus } from './lead.entity';
import { LeadView, toLeadView } from './lead-view';

/** The order keeps how it came in: a trade show or a partner's referral stays that channel (R2.1). */
const CHANNEL_OF: Record<LeadSource, OrderChannel> = {
  CAMPAIGN: 'MARKETING_LEAD',
  WEB: 'MARKETING_LEAD',
  OTHER: 'MARKETING_LEAD',
  TRADE_SHOW: 'TRADE_SHOW',
  PARTNER_REFERRAL: 'PARTNER_REFERRAL',
};

@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly intake: IntakeService,
    private readonly audit: AuditLog,
  ) {}

  async create(dto: CreateLeadDto): Promise<LeadView> {
    return inTransaction(this.dataSource, async (m) => {
      const lead = await m.save(
        m.create(Lead, {
          id: randomUUID(),
          source: dto.source,
          campaign: dto.campaign ?? null,
          companyName: dto.companyName,
          contactPerson: dto.contactPerson,
          phone: dto.phone ?? null,
          email: dto.email ?? null,
          interest: dto.interest,
          status: 'NEW',
          customerId: null,
          convertedOrderId: null,
          createdBy: requestContext.get()?.actor?.username ?? null,
        }),
      );
      await this.audit.record(m, { action: 'lead.recorded', entityType: 'lead', entityId: lead.id, after: lead });
      return toLeadView(lead);
    });
  }

  async list(query: { status?: LeadStatus; page: number; pageSize: number }): Promise<Page<LeadView>> {
    const [items, total] = await this.dataSource.getRepository(Lead).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: items.map(toLeadView), total, page: query.page, pageSize: query.pageSize };
  }

  /** Sales turns a lead into an order: channel and lead id are kept on the order; a lead converts once. */
  async convert(id: string, dto: ConvertLeadDto): Promise<OrderView> {
    return inTransaction(this.dataSource, async (m) => {
      const lead = await m.findOneBy(Lead, { id });
      if (!lead) throw new NotFoundProblem(`lead ${id} not found`);
      return this.intake.record(m, { ...dto, channel: CHANNEL_OF[lead.source], leadId: id });
    });
  }
}
