import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, CurrentPrincipal, type Page, type Principal, uuidParam } from '@opm/platform';
import { InspectReceiptDto } from './dto/inspect-receipt.dto';
import { ListReceiptsQuery } from './dto/list-receipts.query';
import { GoodsReceiptView } from './receipt.view';
import { ReceiptsService } from './receipts.service';

@ApiTags('purchasing')
@Controller('purchasing/receipts')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptsService) {}

  @Get()
  @ApiOperation({ summary: "Goods receipts (R5.2), an order's or a contract's, oldest first" })
  @ApiAnswers(GoodsReceiptView, { page: true, errors: [400], description: 'a page of receipts' })
  list(@Query() query: ListReceiptsQuery): Promise<Page<GoodsReceiptView>> {
    return this.receipts.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One goods receipt and its inspection (R5.2)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(GoodsReceiptView, { errors: [400, 404], description: 'the receipt' })
  get(@Param('id', uuidParam('id')) id: string): Promise<GoodsReceiptView> {
    return this.receipts.get(id);
  }

  @Post(':id/inspection')
  @HttpCode(200)
  @Allow('QUALITY')
  @ApiOperation({
    summary: "Quality's incoming inspection of received goods (R5.2, R5.3): accepted goods enter stock reserved for the order",
    description:
      'Quality staff or head only (purchasing: 403). REJECTED needs a disposition, RETURN or EXCHANGE (400 naming `disposition`), recorded on the contract as a supplier problem; the quantity is open again. A receipt already inspected: 409. purchasing.receipt.inspected.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({
    type: InspectReceiptDto,
    examples: {
      accepted: { summary: 'accepted', value: { result: 'ACCEPTED', note: 'dimensions and 3.1 certificate in order' } },
      rejected: { summary: 'rejected, back to the supplier', value: { result: 'REJECTED', disposition: 'RETURN', note: 'wrong grade per the mill certificate' } },
    },
  })
  @ApiAnswers(GoodsReceiptView, { errors: [400, 403, 404, 409], description: 'the receipt, ACCEPTED or REJECTED' })
  inspect(@Param('id', uuidParam('id')) id: string, @Body() dto: InspectReceiptDto, @CurrentPrincipal() principal: Principal): Promise<GoodsReceiptView> {
    return this.receipts.inspect(id, dto, principal);
  }
}
