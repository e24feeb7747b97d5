import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFoundProblem } from '@opm/platform';
import type { Page } from '@opm/platform';
import { ListSuppliersQuery } from './dto/list-suppliers.query';
import { Supplier } from './supplier.entity';
import type { SupplierView } from './supplier.view';

function toView(s: Supplier): SupplierView {
  return { code: s.code, name: s.name, materials: s.materials, rating: s.rating, active: s.active };
}

@Injectable()
export class SuppliersService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListSuppliersQuery): Promise<Page<SupplierView>> {
    const qb = this.dataSource.getRepository(Supplier).createQueryBuilder('s').orderBy('s.code', 'ASC');
    // jsonb containment: "materials holds an entry for this material" (served by the GIN index).
    if (query.material) qb.andWhere('s.materials @> :wanted::jsonb', { wanted: JSON.stringify([{ material: query.material }]) });
    if (query.active !== undefined) qb.andWhere('s.active = :active', { active: query.active });
    const [suppliers, total] = await qb
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: suppliers.map(toView), total, page: query.page, pageSize: query.pageSize };
  }

  async get(code: string): Promise<SupplierView> {
    const supplier = await this.dataSource.getRepository(Supplier).findOneBy({ code });
    if (!supplier) throw new NotFoundProblem(`supplier ${code} not found`);
    return toView(supplier);
  }
}
