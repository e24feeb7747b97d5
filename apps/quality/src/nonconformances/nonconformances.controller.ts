import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, ApiIfMatch, CurrentPrincipal, IfMatch, type Page, type Principal, uuidParam } from '@opm/platform';
import { DispositionDto } from './dto/disposition.dto';
import { ListNonconformancesQuery } from './dto/list-nonconformances.query';
import { NONCONFORMANCE_EXAMPLE, NonconformanceView } from './nonconformance.view';
import { NonconformancesService } from './nonconformances.service';

const DISPOSITION_EXAMPLES = {
  rework: { summary: 'rework the lot', value: { disposition: 'REWORK', note: 're-drill on the machining centre, then re-inspect 100%' } },
  supplier: { summary: 'bought-in material: back to the supplier', value: { disposition: 'RETURN_TO_SUPPLIER', note: 'wrong alloy per the mill certificate' } },
};

@ApiTags('quality')
@Controller('quality/nonconformances')
export class NonconformancesController {
  constructor(private readonly nonconformances: NonconformancesService) {}

  @Get()
  @ApiOperation({ summary: "Nonconformance notices (R5.3), an order's with `?orderId=`, oldest first" })
  @ApiAnswers(NonconformanceView, { page: true, errors: [400], description: 'a page of nonconformances' })
  list(@Query() query: ListNonconformancesQuery): Promise<Page<NonconformanceView>> {
    return this.nonconformances.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One nonconformance notice (R5.3)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(NonconformanceView, { errors: [400, 404], description: 'the nonconformance', example: NONCONFORMANCE_EXAMPLE })
  get(@Param('id', uuidParam('id')) id: string): Promise<NonconformanceView> {
    return this.nonconformances.get(id);
  }

  @Post(':id/disposition')
  @HttpCode(200)
  @Allow('QUALITY:HEAD')
  @ApiOperation({
    summary: 'The quality head sets the disposition: rework, scrap, use as is, return to supplier (R5.3)',
    description: 'It may change until the nonconformance is closed; on a closed one 422 naming `disposition`. A stale If-Match is 409.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiBody({ type: DispositionDto, examples: DISPOSITION_EXAMPLES })
  @ApiAnswers(NonconformanceView, { errors: [400, 403, 404, 409, 422], description: 'the nonconformance, DISPOSITIONED', example: NONCONFORMANCE_EXAMPLE })
  disposition(
    @Param('id', uuidParam('id')) id: string,
    @Body() dto: DispositionDto,
    @CurrentPrincipal() principal: Principal,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<NonconformanceView> {
    return this.nonconformances.disposition(id, dto, principal, ifMatch);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow('QUALITY:HEAD')
  @ApiOperation({
    summary: 'The quality head closes a nonconformance once its disposition is carried out (R5.3)',
    description: "Needs a disposition (422 naming `disposition`); closing a closed one is 409. The order's quality results change (one open nonconformance fewer).",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiIfMatch()
  @ApiAnswers(NonconformanceView, { errors: [400, 403, 404, 409, 422], description: 'the nonconformance, CLOSED' })
  close(@Param('id', uuidParam('id')) id: string, @CurrentPrincipal() principal: Principal, @IfMatch() ifMatch: number | undefined): Promise<NonconformanceView> {
    return this.nonconformances.close(id, principal, ifMatch);
  }
}
