import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { isoDay, materialAmount, PurchasingContractDelayedV1, PurchasingContractSignedV1, sumMoney } from '@opm/contracts';
import { assertVersion, AuditLog, BusinessRuleProblem, ConflictProblem, inTransaction, NotFoundProblem, Outbox, type Page, type Principal, ProblemException } from '@opm/platform';
import { ReceivedOrder } from '@opm/workflow';
import { GoodsReceipt } from '../receipts/goods-receipt.entity';
import { StockItem } from '../stock/stock-item.entity';
import { Supplier } from '../suppliers/supplier.entity';
import { type ContractAction, contractActionRefusal, contractDueAt, quantityPositions } from './contract-rules';
import { PurchaseContractView, toContractView } from './contract.view';
import { PurchasingNumbers } from './contract-numbers';
import type { ContractDelayDto, CreateContractDto } from './dto/contract.dto';
import type { ListContractsQuery } from './dto/list-contracts.query';
import { PurchaseContract } from './purchase-contract.entity';

const badInput = (errors: { field: string; message: string }[]) =>
  new ProblemException(400, `Invalid request: ${[...new Set(errors.map((e) => e.field))].join(', ')}`, { errors });

/**
 * Purchase contracts (R5.2): drafted by purchasing for an issued order, signed by its head, delayed by the supplier.
 * Each write locks the contract row first, checks If-Match and `contractActionRefusal`, then writes the contract, its
 * event and its audit entry in one transaction.
 */
@Injectable()
export class ContractsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
    private readonly numbers: PurchasingNumbers,
  ) {}

  async create(dto: CreateContractDto, actor: Principal): Promise<PurchaseContractView> {
    return inTransaction(this.dataSource, async (m) => {
      const supplier = await m.findOneBy(Supplier, { code: dto.supplierId });
      const materials = [...new Set(dto.lines.map((l) => l.materialCode))];
      const stocked = new Set((await m.find(StockItem, { where: { material: In(materials) }, select: { material: true } })).map((s) => s.material));
      const errors = [
        ...(!supplier ? [{ field: 'supplierId', message: `no supplier ${dto.supplierId} on file` }] : !supplier.active ? [{ field: 'supplierId', message: `supplier ${dto.supplierId} is not active` }] : []),
        ...dto.lines.flatMap((l, i) => (stocked.has(l.materialCode) ? [] : [{ field: `lines.${i}.materialCode`, message: `no material ${l.materialCode} on file` }])),
        ...(dto.deliveryDate < isoDay(new Date()) ? [{ field: 'deliveryDate', message: 'must not be in the past' }] : []),
      ];
      if (errors.length > 0) throw badInput(errors);
      const order = await m.findOneBy(ReceivedOrder, { orderId: dto.orderId });
      if (!order) throw new BusinessRuleProblem(`order ${dto.orderId} has not reached purchasing`, { errors: [{ field: 'orderId', message: 'unknown order' }] });
      if (!order.issuedAt) throw new ConflictProblem(`order ${order.number} is not issued yet: purchasing buys for issued orders`, { errors: [{ field: 'orderId', message: 'not issued' }] });

      const at = new Date();
      const lines = dto.lines.map((l, i) => ({ lineNo: i + 1, materialCode: l.materialCode, quantity: l.quantity, unitPrice: l.unitPrice, amount: materialAmount(l.quantity, l.unitPrice) }));
      const contract = m.create(PurchaseContract, {
        id: randomUUID(),
        number: await this.numbers.next(m, 'PC', at),
        orderId: dto.orderId,
        supplierId: dto.supplierId,
        supplierName: (supplier as Supplier).name,
        currency: order.currency,
        lines,
        totalAmount: sumMoney(lines.map((l) => l.amount)),
        deliveryDate: dto.deliveryDate,
        originalDeliveryDate: dto.deliveryDate,
        restockingFeePercent: dto.cancellationTerms?.restockingFeePercent ?? null,
        status: 'DRAFT',
        version: 0,
        delays: [],
        createdBy: actor.username,
        createdAt: at,
        signedBy: null,
        signedAt: null,
        dueAt: null,
        escalatedAt: null,
      });
      await m.insert(PurchaseContract, contract);
      const view = toContractView(contract, []);
      await this.audit.record(m, { action: 'contract.drafted', entityType: 'purchase-contract', entityId: contract.id, orderId: contract.orderId, reason: `${contract.number} with ${contract.supplierName}`, after: view });
      return view;
    });
  }

  async sign(id: string, actor: Principal, ifMatch: number | undefined): Promise<PurchaseContractView> {
    return inTransaction(this.dataSource, async (m) => {
      const contract = await this.lock(m, id, 'sign', ifMatch);
      const before = toContractView(contract, []);
      const signedAt = new Date();
      const change = { status: 'SIGNED' as const, signedBy: actor.username, signedAt, dueAt: contractDueAt(contract.deliveryDate), escalatedAt: null, version: contract.version + 1 };
      await m.update(PurchaseContract, { id }, change);
      const signed = { ...contract, ...change };
      await this.outbox.publish(m, PurchasingContractSignedV1, { orderId: contract.orderId }, {
        orderId: contract.orderId,
        contractId: id,
        number: contract.number,
        supplierId: contract.supplierId,
        supplierName: contract.supplierName,
        lines: contract.lines.map((l) => ({ materialCode: l.materialCode, quantity: l.quantity, unitPrice: l.unitPrice, amount: l.amount })),
        totalAmount: contract.totalAmount,
        currency: contract.currency,
        deliveryDate: contract.deliveryDate,
        restockingFeePercent: before.cancellationTerms?.restockingFeePercent ?? null,
        signedBy: actor.username,
        signedAt: signedAt.toISOString(),
      });
      return this.finish(m, signed, 'contract.signed', before, `signed by ${actor.username}`);
    });
  }

  async delay(id: string, dto: ContractDelayDto, actor: Principal, ifMatch: number | undefined): Promise<PurchaseContractView> {
    return inTransaction(this.dataSource, async (m) => {
      const contract = await this.lock(m, id, 'delay', ifMatch);
      if (dto.newDeliveryDate <= contract.deliveryDate) {
        throw new BusinessRuleProblem(`a delay moves the delivery date later than ${contract.deliveryDate}`, { errors: [{ field: 'newDeliveryDate', message: `must be after ${contract.deliveryDate}` }] });
      }
      const receipts = await this.receiptsOf(m, id);
      const before = toContractView(contract, receipts);
      const reportedAt = new Date();
      const delay = { previousDeliveryDate: contract.deliveryDate, newDeliveryDate: dto.newDeliveryDate, reason: dto.reason, reportedBy: actor.username, reportedAt: reportedAt.toISOString() };
      // A new delivery date is a new due time: the contract can be overdue again, once, against it.
      const change = {
        deliveryDate: dto.newDeliveryDate,
        delays: [...contract.delays, delay],
        dueAt: contract.status === 'DRAFT' ? null : contractDueAt(dto.newDeliveryDate),
        escalatedAt: null,
        version: contract.version + 1,
      };
      await m.update(PurchaseContract, { id }, change);
      const positions = [...quantityPositions(contract.lines, receipts).values()];
      await this.outbox.publish(m, PurchasingContractDelayedV1, { orderId: contract.orderId }, {
        orderId: contract.orderId,
        contractId: id,
        number: contract.number,
        supplierId: contract.supplierId,
        materialCodes: positions.filter((p) => p.accepted < p.ordered).map((p) => p.materialCode),
        previousDeliveryDate: contract.deliveryDate,
        newDeliveryDate: dto.newDeliveryDate,
        reason: dto.reason,
        reportedBy: actor.username,
        reportedAt: reportedAt.toISOString(),
      });
      return this.finish(m, { ...contract, ...change }, 'contract.delayed', before, `${contract.deliveryDate} -> ${dto.newDeliveryDate}: ${dto.reason}`);
    });
  }

  async get(id: string): Promise<PurchaseContractView> {
    const contract = await this.dataSource.getRepository(PurchaseContract).findOneBy({ id });
    if (!contract) throw new NotFoundProblem(`purchase contract ${id} does not exist`);
    return toContractView(contract, await this.receiptsOf(this.dataSource.manager, id));
  }

  async list(query: ListContractsQuery): Promise<Page<PurchaseContractView>> {
    const [rows, total] = await this.dataSource.getRepository(PurchaseContract).findAndCount({
      where: { ...(query.orderId ? { orderId: query.orderId } : {}), ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: await this.views(rows), total, page: query.page, pageSize: query.pageSize };
  }

  async ofOrder(orderId: string): Promise<PurchaseContractView[]> {
    return this.views(await this.dataSource.getRepository(PurchaseContract).find({ where: { orderId }, order: { createdAt: 'ASC', id: 'ASC' } }));
  }

  /** The contract row locked for the transaction; 404, a stale If-Match or a status the action does not allow is refused. */
  async lock(m: EntityManager, id: string, action: ContractAction, ifMatch: number | undefined): Promise<PurchaseContract> {
    const contract = await m.findOne(PurchaseContract, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!contract) throw new NotFoundProblem(`purchase contract ${id} does not exist`);
    assertVersion(`purchase contract ${contract.number}`, contract.version, ifMatch);
    const refusal = contractActionRefusal(contract.status, action);
    if (refusal) throw new ConflictProblem(`${contract.number}: ${refusal}`, { currentStatus: contract.status, action });
    return contract;
  }

  receiptsOf(m: EntityManager, contractId: string): Promise<GoodsReceipt[]> {
    return m.find(GoodsReceipt, { where: { contractId }, order: { receivedAt: 'ASC', id: 'ASC' } });
  }

  /** The audit entry of a contract change (last in the transaction), and the contract as it now stands. */
  async finish(m: EntityManager, contract: PurchaseContract, action: string, before: PurchaseContractView, reason: string): Promise<PurchaseContractView> {
    const after = toContractView(contract, await this.receiptsOf(m, contract.id));
    await this.audit.record(m, { action, entityType: 'purchase-contract', entityId: contract.id, orderId: contract.orderId, reason, before, after });
    return after;
  }

  private async views(rows: PurchaseContract[]): Promise<PurchaseContractView[]> {
    if (rows.length === 0) return [];
    const receipts = await this.dataSource.getRepository(GoodsReceipt).find({ where: { contractId: In(rows.map((r) => r.id)) }, order: { receivedAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => toContractView(r, receipts.filter((x) => x.contractId === r.id)));
  }
}
