import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SERVICE_CONFIG, ServiceConfig } from '../config/service-config';

/**
 * Seeding demo master data when DEMO_DATA is on (never in production): one transaction per seed, one seeder
 * at a time across replicas (advisory lock), and the seed inserts only what is missing and returns what it
 * created, so restarts change nothing and what a person has since changed stays as changed.
 */
@Injectable()
export class DemoData {
  private readonly logger = new Logger(DemoData.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async seed(what: string, seed: (m: EntityManager) => Promise<string[]>): Promise<void> {
    if (!this.config.DEMO_DATA) return;
    const created = await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`opm.demo.${what}`]);
      return seed(m);
    });
    if (created.length > 0) this.logger.log(`${what} created: ${created.join(', ')}`);
  }
}
