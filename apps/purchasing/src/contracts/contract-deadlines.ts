import { Inject, Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { fromMilliUnits, PurchasingContractOverdueV1 } from '@opm/contracts';
import { AuditLog, Outbox } from '@opm/platform';
import type { DueTaskKind } from '@opm/workflow';
import { PURCHASING_CONFIG, PurchasingConfig } from '../config/purchasing-config';
import { GoodsReceipt } from '../receipts/goods-receipt.entity';
import { AWAITING_DELIVERY, quantityPositions } from './contract-rules';
import { PurchaseContract } from './purchase-contract.entity';

/**
 * A signed contract past its delivery date and not fully received is overdue (R5.2, R6.4): the workflow library's
 * due-task scan escalates it once per delivery date (a delay gives it a new due time and clears the escalation).
 */
@Injectable()
export class ContractDeliveryDeadlines implements DueTaskKind<PurchaseContract> {
  readonly label = 'purchase contract delivery';
  readonly entity = PurchaseContract;
  readonly open = { status: In([...AWAITING_DELIVERY]) };
  readonly scanEveryMs: number;

  constructor(
    @Inject(PURCHASING_CONFIG) config: PurchasingConfig,
    private readonly outbox: Outbox,
    private readonly audit: AuditLog,
  ) {
    this.scanEveryMs = config.PURCHASING_OVERDUE_SCAN_MS;
  }

  async escalated(m: EntityManager, contract: PurchaseContract & { escalatedAt: Date }): Promise<void> {
    const receipts = await m.find(GoodsReceipt, { where: { contractId: contract.id } });
    const openLines = [...quantityPositions(contract.lines, receipts).values()]
      .filter((p) => p.accepted < p.ordered)
      .map((p) => ({ materialCode: p.materialCode, quantity: fromMilliUnits(p.ordered - p.accepted) }));
    await m.update(PurchaseContract, { id: contract.id }, { version: contract.version + 1 });
    if (openLines.length > 0) {
      await this.outbox.publish(m, PurchasingContractOverdueV1, { orderId: contract.orderId }, {
        orderId: contract.orderId,
        contractId: contract.id,
        number: contract.number,
        supplierId: contract.supplierId,
        deliveryDate: contract.deliveryDate,
        openLines,
        detectedAt: contract.escalatedAt.toISOString(),
      });
    }
    await this.audit.record(m, {
      action: 'contract.overdue',
      entityType: 'purchase-contract',
      entityId: contract.id,
      orderId: contract.orderId,
      reason: `${contract.number} past its delivery date ${contract.deliveryDate}, ${openLines.map((l) => `${l.quantity} ${l.materialCode}`).join(', ')} not received`,
    });
  }
}
