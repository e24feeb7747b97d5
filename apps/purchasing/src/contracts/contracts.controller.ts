import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, ApiIfMatch, CurrentPrincipal, Idempotent, IfMatch, type Page, type Principal, uuidParam } from '@opm/platform';
import { GoodsReceiptView } from '../receipts/receipt.view';
import { ReceiptsService } from '../receipts/receipts.service';
import { PurchaseContractView } from './contract.view';
import { ContractsService } from './contracts.service';
import { ContractDelayDto, CreateContractDto, RecordReceiptDto } from './dto/contract.dto';
import { ListContractsQuery } from './dto/list-contracts.query';

const CONTRACT_EXAMPLE = {
  orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90',
  supplierId: 'SUP-BAOSTEEL',
  lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '80', unitPrice: '6.20' }],
  deliveryDate: '2027-01-20',
  cancellationTerms: { restockingFeePercent: '15' },
};

@ApiTags('purchasing')
@Controller('purchasing/contracts')
export class ContractsController {
  constructor(
    private readonly contracts: ContractsService,
    private readonly receipts: ReceiptsService,
  ) {}

  @Post()
  @Allow('PURCHASING')
  @Idempotent()
  @ApiOperation({
    summary: 'Draft a purchase contract with a supplier for an issued order\'s materials (R5.2)',
    description:
      'Purchasing staff. An unknown or inactive supplier, a material not on file, a zero or negative quantity, a malformed price or a past delivery date: 400 naming the field. 422 for an order purchasing never received, 409 before it is issued.',
  })
  @ApiBody({ type: CreateContractDto, examples: { steel: { summary: 'steel plate from Baosteel', value: CONTRACT_EXAMPLE } } })
  @ApiAnswers(PurchaseContractView, { status: 201, errors: [400, 403, 409, 422], description: 'the contract, DRAFT, numbered' })
  create(@Body() dto: CreateContractDto, @CurrentPrincipal() principal: Principal): Promise<PurchaseContractView> {
    return this.contracts.create(dto, principal);
  }

  @Get()
  @ApiOperation({ summary: "Purchase contracts (R5.2), an order's with `?orderId=`, oldest first" })
  @ApiAnswers(PurchaseContractView, { page: true, errors: [400], description: 'a page of contracts' })
  list(@Query() query: ListContractsQuery): Promise<Page<PurchaseContractView>> {
    return this.contracts.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One purchase contract with its lines, delays, receipts and supplier problems (R5.2)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(PurchaseContractView, { errors: [400, 404], description: 'the contract' })
  get(@Param('id', uuidParam('id')) id: string): Promise<PurchaseContractView> {
    return this.contracts.get(id);
  }

  @Post(':id/sign')
  @HttpCode(200)
  @Allow('PURCHASING:HEAD')
  @ApiOperation({ summary: 'The purchasing head signs a DRAFT contract: SIGNED (purchasing.contract.signed)', description: 'Signing twice, or a stale If-Match, is 409.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiAnswers(PurchaseContractView, { errors: [400, 403, 404, 409], description: 'the contract, SIGNED' })
  sign(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @IfMatch() ifMatch: number | undefined): Promise<PurchaseContractView> {
    return this.contracts.sign(id, principal, ifMatch);
  }

  @Post(':id/delays')
  @HttpCode(200)
  @Allow('PURCHASING')
  @ApiOperation({
    summary: 'The supplier will deliver later: the new delivery date and the reason, kept in the delay history (R5.2)',
    description: 'purchasing.contract.delayed; the new date must be after the current one (422 naming `newDeliveryDate`); a received contract is 409.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiBody({ type: ContractDelayDto, examples: { mill: { summary: 'mill maintenance', value: { newDeliveryDate: '2027-02-05', reason: 'rolling mill maintenance at the supplier' } } } })
  @ApiAnswers(PurchaseContractView, { errors: [400, 403, 404, 409, 422], description: 'the contract with its new delivery date' })
  delay(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: ContractDelayDto,
    @CurrentPrincipal() principal: Principal,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<PurchaseContractView> {
    return this.contracts.delay(id, dto, principal, ifMatch);
  }

  @Post(':id/receipts')
  @Allow('PURCHASING')
  @Idempotent()
  @ApiOperation({
    summary: 'Goods received against a signed contract: they await quality\'s incoming inspection (R5.2)',
    description: "More than the contract's open quantity (ordered - accepted - awaiting inspection), or a material not on the contract: 422 naming the line. A contract not SIGNED or PARTIALLY_RECEIVED: 409.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiBody({ type: RecordReceiptDto, examples: { plate: { summary: 'part of the steel plate', value: { lines: [{ materialCode: 'STEEL-PLATE-10', quantity: '40' }] } } } })
  @ApiAnswers(GoodsReceiptView, { status: 201, errors: [400, 403, 404, 409, 422], description: 'the receipt, AWAITING_INSPECTION' })
  receive(@Param('id', uuidParam('id')) id: string, @Body() dto: RecordReceiptDto, @CurrentPrincipal() principal: Principal): Promise<GoodsReceiptView> {
    return this.receipts.record(id, dto, principal);
  }
}
