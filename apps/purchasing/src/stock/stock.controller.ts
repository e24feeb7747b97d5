import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListStockQuery } from './dto/list-stock.query';
import { StockService } from './stock.service';

/** Material on hand; the purchasing review (R3.5) weighs it against the bill of materials. */
@ApiTags('purchasing')
@Controller('purchasing/stock')
export class StockController {
  constructor(private readonly stock: StockService) {}

  @Get()
  @ApiOkResponse({ description: '{items: [{material, description, unit, onHand, updatedAt}], total, page, pageSize}' })
  list(@Query() query: ListStockQuery) {
    return this.stock.list(query);
  }
}
