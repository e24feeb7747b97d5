import { DynamicModule, Module } from '@nestjs/common';
import { AppConfigModule, ServiceConfig, ServiceCoreModule } from '@opm/platform';
import { CatalogProduct } from './catalog/catalog-product.entity';
import { CatalogModule } from './catalog/catalog.module';
import { CustomerCredit } from './customers/customer-credit.entity';
import { Customer } from './customers/customer.entity';
import { CustomersModule } from './customers/customers.module';
import { loadSalesConfig, SALES_CONFIG } from './config/sales-config';
import { Orders1764100001000 } from './database/migrations/1764100001000-orders';
import { Intake1764100002000 } from './database/migrations/1764100002000-intake';
import { Review1764100003000 } from './database/migrations/1764100003000-review';
import { Approvals1764100004000 } from './database/migrations/1764100004000-approvals';
import { Execution1796165802032 } from './database/migrations/1796165802032-execution';
import { Shipping1796300001000 } from './database/migrations/1796300001000-shipping';
import { ExecutionModule } from './execution/execution.module';
import { Settlement1796700000000 } from './database/migrations/1796700000000-settlement';
import { DunningMail1797000001000 } from './database/migrations/1797000001000-dunning-mail';
import { Changes1797300001000 } from './database/migrations/1797300001000-changes';
import { CancellationSaga1797300003000 } from './database/migrations/1797300003000-cancellation-saga';
import { CancellationStep, ChangeApproval, ChangeImpact, ChangeRequest, OrderVersion } from './changes/change-request.entities';
import { ChangesModule } from './changes/changes.module';
import { DunningMail } from './dunning/dunning-mail.entity';
import { TrackingMonitoring1797200000000 } from './database/migrations/1797200000000-tracking-monitoring';
import { Meeting, MeetingAction } from './tracking/meetings/meeting.entity';
import { Escalation } from './tracking/monitoring/escalation.entity';
import { MonitoringChange, MonitoringItem, MonitoringOrder } from './tracking/monitoring/monitoring.entity';
import { TrackingMonitoringModule } from './tracking/monitoring/monitoring.module';
import { DunningModule } from './dunning/dunning.module';
import { TrackingLedger1797100000000 } from './database/migrations/1797100000000-tracking-ledger';
import { LedgerEntry } from './tracking/ledger/ledger-entry.entity';
import { LedgerModule } from './tracking/ledger/ledger.module';
import { ReportsModule } from './tracking/reports/reports.module';
import { Settlement } from './settlement/settlement.entity';
import { SettlementModule } from './settlement/settlement.module';
import { OrderExecution } from './execution/order-execution.entity';
import { ApprovalStepRecord } from './approvals/approval-step.entity';
import { CustomerConfirmation, IssueAcknowledgement, Issuance } from './issuance/issuance.entity';
import { IssuanceModule } from './issuance/issuance.module';
import { ApprovalsModule } from './approvals/approvals.module';
import { DelegationRecord } from './approvals/delegation.entity';
import { ReviewRound } from './review/review-round.entity';
import { ReviewTaskCopy } from './review/review-task-copy.entity';
import { ReviewModule } from './review/review.module';
import { IntakeModule } from './intake/intake.module';
import { Lead } from './intake/leads/lead.entity';
import { PreliminaryReviewRun } from './intake/preliminary-review.entity';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { OrderLine } from './lifecycle/order-line.entity';
import { Order } from './lifecycle/order.entity';

export const SALES_ENTITIES = [Order, OrderLine, PreliminaryReviewRun, Customer, CustomerCredit, CatalogProduct, Lead, ReviewRound, ReviewTaskCopy, ApprovalStepRecord, DelegationRecord, Issuance, IssueAcknowledgement, CustomerConfirmation, OrderExecution, Settlement, DunningMail, LedgerEntry, MonitoringOrder, MonitoringItem, MonitoringChange, Escalation, Meeting, MeetingAction, ChangeRequest, ChangeImpact, ChangeApproval, OrderVersion, CancellationStep];
export const SALES_MIGRATIONS = [Orders1764100001000, Intake1764100002000, Review1764100003000, Approvals1764100004000, Execution1796165802032, Shipping1796300001000, Settlement1796700000000, DunningMail1797000001000, TrackingLedger1797100000000, TrackingMonitoring1797200000000, Changes1797300001000, CancellationSaga1797300003000];

@Module({})
export class SalesAppModule {
  static register(config: ServiceConfig): DynamicModule {
    return {
      module: SalesAppModule,
      imports: [
        ServiceCoreModule.forRoot({ config, entities: SALES_ENTITIES, migrations: SALES_MIGRATIONS }),
        AppConfigModule.forRoot(SALES_CONFIG, loadSalesConfig()),
        // The core, then the stages: each registers with the core when its module starts, none knows another.
        LifecycleModule,
        IntakeModule,
        ReviewModule,
        ApprovalsModule,
        IssuanceModule,
        ExecutionModule,
        SettlementModule,
        DunningModule,
        LedgerModule,
        ReportsModule,
        TrackingMonitoringModule,
        ChangesModule,
        CustomersModule,
        CatalogModule,
      ],
    };
  }
}
