import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { fromMilliUnits } from '@opm/contracts';
import type { Page } from '@opm/platform';
import { stockPositions } from './reservations';
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
    const positions = await stockPositions(this.dataSource.manager, items.map((s) => s.material), null);
    return {
      items: items.map((s) => {
        const p = positions.get(s.material);
        return {
          material: s.material,
          description: s.description,
          unit: s.unit,
          onHand: s.onHand,
          reserved: fromMilliUnits(p?.reservedByOthers ?? 0n),
          free: fromMilliUnits(p?.free ?? 0n),
          updatedAt: s.updatedAt.toISOString(),
        };
      }),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}
