import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, type Page } from '@opm/platform';
import { ListStockQuery } from './dto/list-stock.query';
import { StockItemView } from './stock-item.view';
import { StockService } from './stock.service';

/** Material on hand; the purchasing review (R3.5) weighs it against the bill of materials. */
@ApiTags('purchasing')
@Controller('purchasing/stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  @ApiOperation({ summary: 'Material on hand in the stores, by material (R3.5); any signed-in user' })
  @ApiAnswers(StockItemView, { page: true, errors: [400], description: 'a page of stock items; a material not stocked is not listed' })
  list(@Query() query: ListStockQuery): Promise<Page<StockItemView>> {
    return this.stock.list(query);
  }
}
