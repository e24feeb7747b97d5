import 'reflect-metadata';
import { loadServiceConfig, runMain, startService } from '@opm/platform';
import { SalesAppModule } from './app.module';

runMain(async () => {
  const config = loadServiceConfig('sales');
  await startService(SalesAppModule.register(config), config, {
    title: 'Sales service',
    description: "Owns customers, marketing leads and orders: intake with the preliminary review (completeness, credit, delivery date) and its escalation to a leader; the multi-department review it leads (rounds, report, panel chair, revision); the approval chain with delegation; issuance (signed PDF with a verification code, the departments' acknowledgements, the customer's confirmation, optionally e-mailed). Keeps an audit trail of its changes.",
  });
});
