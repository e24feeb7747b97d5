import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DemoData } from '@opm/platform';
import { StandardsService } from '../standards/standards.service';
import { DEMO_QUALITY_CAPABILITIES } from './demo-standards';

/** Demo quality capabilities when DEMO_DATA is on: only what is missing, in one transaction, each audited. */
@Injectable()
export class QualityDemoSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly demo: DemoData,
    private readonly standards: StandardsService,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.demo.seed('demo quality capabilities', async (m) => {
      const names: string[] = [];
      for (const c of DEMO_QUALITY_CAPABILITIES) {
        if (await this.standards.insertIfMissing(m, c)) names.push(c.productCode);
      }
      return names;
    });
  }

}
