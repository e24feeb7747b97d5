import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { fromMilliUnits, materialAmount, PurchasingReceiptInspectedV1, PurchasingReceiptRecordedV1, toMilliUnits } from '@opm/contracts';
import { AuditLog, BusinessRuleProblem, ConflictProblem, inTransaction, NotFoundProblem, Outbox, type Page, type Principal, ProblemException } from '@opm/platform';
import { receiptRefusals, statusAfterReceipts } from '../contracts/contract-rules';
import { toContractView } from '../contracts/contract.view';
import { ContractsService } from '../contracts/contracts.service';
import type { RecordReceiptDto } from '../contracts/dto/contract.dto';
import { PurchaseContract } from '../contracts/purchase-contract.entity';
import { StockReservations } from '../stock/reservations';
import type { InspectReceiptDto } from './dto/inspect-receipt.dto';
import { GoodsReceipt } from './goods-receipt.entity';
import { type GoodsReceiptView, toReceiptView } from './receipt.view';

/**
 * Goods received against a purchase contract (R5.2) and quality's incoming inspection of them (R5.3). Lock order: the
 * contract row, then the receipt, then the stock rows, then the audit entry.
 */
@Injectable()
export class ReceiptsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contracts: ContractsService,
    private readonly reservations: StockReservations,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {}

  async record(contractId: string, dto: RecordReceiptDto, actor: Principal): Promise<GoodsReceiptView> {
    return inTransaction(this.dataSource, async (m) => {
      const contract = await this.contracts.lock(m, contractId, 'receive', undefined);
      const receipts = await this.contracts.receiptsOf(m, contractId);
      const refusals = receiptRefusals(contract.lines, receipts, dto.lines);
      if (refusals.length > 0) throw new BusinessRuleProblem(`${contract.number}: ${refusals.map((r) => r.message).join('; ')}`, { errors: refusals });
      const at = new Date();
      const receipt = m.create(GoodsReceipt, {
        id: randomUUID(),
        contractId,
        orderId: contract.orderId,
        // Kept as their shortest decimal text ("80.500" -> "80.5").
        lines: dto.lines.map((l) => ({ materialCode: l.materialCode, quantity: fromMilliUnits(toMilliUnits(l.quantity)) })),
        status: 'AWAITING_INSPECTION',
        disposition: null,
        note: null,
        receivedBy: actor.username,
        receivedAt: at,
        inspectedBy: null,
        inspectedAt: null,
      });
      await m.insert(GoodsReceipt, receipt);
      await m.update(PurchaseContract, { id: contractId }, { version: contract.version + 1 });
      await this.outbox.publish(m, PurchasingReceiptRecordedV1, { orderId: contract.orderId }, {
        orderId: contract.orderId,
        contractId,
        contractNumber: contract.number,
        receiptId: receipt.id,
        lines: receipt.lines,
        receivedBy: actor.username,
        receivedAt: at.toISOString(),
      });
      const view = toReceiptView(receipt);
      await this.audit.record(m, { action: 'receipt.recorded', entityType: 'goods-receipt', entityId: receipt.id, orderId: contract.orderId, reason: `goods received against ${contract.number}, awaiting inspection`, after: view });
      return view;
    });
  }

  /**
   * Quality's incoming inspection: ACCEPTED goods enter stock reserved for the order; REJECTED goods are returned or
   * exchanged, recorded on the contract as a supplier problem, and their quantity is open again. Once only (409).
   */
  async inspect(receiptId: string, dto: InspectReceiptDto, actor: Principal): Promise<GoodsReceiptView> {
    if (dto.result === 'ACCEPTED' && dto.disposition) {
      throw new ProblemException(400, 'Invalid request: disposition', { errors: [{ field: 'disposition', message: 'only rejected goods have a disposition' }] });
    }
    return inTransaction(this.dataSource, async (m) => {
      const found = await m.findOneBy(GoodsReceipt, { id: receiptId });
      if (!found) throw new NotFoundProblem(`goods receipt ${receiptId} does not exist`);
      // The contract row first (lock order), then the receipt as it stands under that lock.
      const contract = await m.findOne(PurchaseContract, { where: { id: found.contractId }, lock: { mode: 'pessimistic_write' } });
      if (!contract) throw new NotFoundProblem(`purchase contract ${found.contractId} does not exist`);
      const receipt = await m.findOneOrFail(GoodsReceipt, { where: { id: receiptId }, lock: { mode: 'pessimistic_write' } });
      if (receipt.status !== 'AWAITING_INSPECTION') {
        throw new ConflictProblem(`receipt ${receiptId} was already inspected: ${receipt.status}`, { currentStatus: receipt.status, action: 'inspect' });
      }
      const receiptsBefore = await this.contracts.receiptsOf(m, contract.id);
      const before = toContractView(contract, receiptsBefore);
      const at = new Date();
      const accepted = dto.result === 'ACCEPTED';
      const inspected: GoodsReceipt = {
        ...receipt,
        status: dto.result,
        disposition: accepted ? null : (dto.disposition ?? null),
        note: dto.note ?? null,
        inspectedBy: actor.username,
        inspectedAt: at,
      };
      await m.update(GoodsReceipt, { id: receiptId }, { status: inspected.status, disposition: inspected.disposition, note: inspected.note, inspectedBy: inspected.inspectedBy, inspectedAt: at });
      if (accepted) {
        for (const line of [...receipt.lines].sort((a, b) => a.materialCode.localeCompare(b.materialCode))) {
          const quantity = toMilliUnits(line.quantity);
          await this.reservations.addToStock(m, line.materialCode, quantity);
          await this.reservations.reserve(m, { orderId: contract.orderId, material: line.materialCode, quantity, source: 'RECEIPT', receiptId, at });
        }
      }
      const receipts = receiptsBefore.map((r) => (r.id === receiptId ? inspected : r));
      const status = statusAfterReceipts(contract.lines, receipts);
      const changed = { ...contract, status, version: contract.version + 1 };
      await m.update(PurchaseContract, { id: contract.id }, { status, version: changed.version });

      const priceOf = new Map<string, string>();
      for (const l of contract.lines) if (!priceOf.has(l.materialCode)) priceOf.set(l.materialCode, l.unitPrice);
      await this.outbox.publish(m, PurchasingReceiptInspectedV1, { orderId: contract.orderId }, {
        orderId: contract.orderId,
        contractId: contract.id,
        contractNumber: contract.number,
        supplierId: contract.supplierId,
        receiptId,
        result: dto.result,
        disposition: inspected.disposition,
        lines: receipt.lines.map((l) => {
          const unitPrice = priceOf.get(l.materialCode) as string;
          return { materialCode: l.materialCode, quantity: l.quantity, unitPrice, amount: materialAmount(l.quantity, unitPrice) };
        }),
        currency: contract.currency,
        contractStatus: status,
        note: inspected.note,
        inspectedBy: actor.username,
        inspectedAt: at.toISOString(),
      });
      const view = toReceiptView(inspected);
      await this.audit.record(m, {
        action: 'receipt.inspected',
        entityType: 'goods-receipt',
        entityId: receiptId,
        orderId: contract.orderId,
        reason: accepted ? `accepted into stock, reserved for the order` : `rejected: ${inspected.disposition} (supplier problem on ${contract.number})`,
        before: toReceiptView(receipt),
        after: view,
      });
      await this.contracts.finish(m, changed, 'contract.receipt-inspected', before, `${contract.number} ${contract.status} -> ${status}`);
      return view;
    });
  }

  async get(id: string): Promise<GoodsReceiptView> {
    const receipt = await this.dataSource.getRepository(GoodsReceipt).findOneBy({ id });
    if (!receipt) throw new NotFoundProblem(`goods receipt ${id} does not exist`);
    return toReceiptView(receipt);
  }

  async list(query: { orderId?: string; contractId?: string; page: number; pageSize: number }): Promise<Page<GoodsReceiptView>> {
    const [rows, total] = await this.dataSource.getRepository(GoodsReceipt).findAndCount({
      where: { ...(query.orderId ? { orderId: query.orderId } : {}), ...(query.contractId ? { contractId: query.contractId } : {}) },
      order: { receivedAt: 'ASC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items: rows.map(toReceiptView), total, page: query.page, pageSize: query.pageSize };
  }
}
