import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { PageQuery } from '@opm/platform';
import { BomsService } from './boms.service';

/** Bills of materials, referenced by the catalog's bomRef; any signed-in user may read them (R3.5). */
@ApiTags('purchasing')
@Controller('purchasing/boms')
export class BomsController {
  constructor(private readonly boms: BomsService) {}

  @Get()
  @ApiOkResponse({ description: '{items: [{bomRef, description, lines: [{material, quantityPerUnit}]}], total, page, pageSize}' })
  list(@Query() query: PageQuery) {
    return this.boms.list(query.page, query.pageSize);
  }

  @Get(':bomRef')
  @ApiOkResponse({ description: '{bomRef, description, lines: [{material, quantityPerUnit}]}' })
  get(@Param('bomRef') bomRef: string) {
    return this.boms.get(bomRef);
  }
}
