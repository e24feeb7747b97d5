import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Page } from '@opm/platform';
import { ListStockQuery } from './dto/list-stock.query';
import { StockItem } from './stock-item.entity';
import type { StockItemView } from './stock-item.view';

@Injectable()
export class StockService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListStockQuery): Promise<Page<StockItemView>> {
    const [items, total] = await this.dataSource.getRepository(StockItem).findAndCount({
      where: query.material ? { material: query.material } : {},
      order: { material: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return {
      items: items.map((s) => ({ material: s.material, description: s.description, unit: s.unit, onHand: s.onHand, updatedAt: s.updatedAt.toISOString() })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
