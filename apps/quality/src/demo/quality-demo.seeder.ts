import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '@opm/platform';
import { StandardsService } from '../standards/standards.service';
import { DEMO_QUALITY_CAPABILITIES } from './demo-standards';

/** Demo quality capabilities when DEMO_DATA is on: only what is missing, in one transaction, each audited. */
@Injectable()
export class QualityDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(QualityDemoSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardsService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    const created = await this.dataSource.transaction(async (m) => {
      const names: string[] = [];
      for (const c of DEMO_QUALITY_CAPABILITIES) {
        if (await this.standards.insertIfMissing(m, c)) names.push(c.productCode);
      }
      return names;
    });
    if (created.length > 0) this.logger.log(`demo quality capabilities created: ${created.join(', ')}`);
  }
}
