import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundProblem } from '@opm/platform';
import type { Page } from '@opm/platform';
import { BillOfMaterials } from './bill-of-materials.entity';
import type { BomView } from './bom.view';

function toView(b: BillOfMaterials): BomView {
  return { bomRef: b.bomRef, description: b.description, lines: b.lines };
}

@Injectable()
export class BomsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(page: number, pageSize: number): Promise<Page<BomView>> {
    const [boms, total] = await this.dataSource
      .getRepository(BillOfMaterials)
      .findAndCount({ order: { bomRef: 'ASC' }, skip: (page - 1) * pageSize, take: pageSize });
    return { items: boms.map(toView), total, page, pageSize };
  }

  async get(bomRef: string): Promise<BomView> {
    const bom = await this.dataSource.getRepository(BillOfMaterials).findOneBy({ bomRef });
    if (!bom) throw new NotFoundProblem(`bill of materials ${bomRef} not found`);
    return toView(bom);
  }
}
