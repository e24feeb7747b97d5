import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, type Page, PageQuery } from '@opm/platform';
import { BomView } from './bom.view';
import { BomsService } from './boms.service';

/** Bills of materials, referenced by the catalog's bomRef; any signed-in user may read them (R3.5). */
@ApiTags('purchasing')
@Controller('purchasing/boms')
export class BomsController {
  constructor(private readonly boms: BomsService) {}

  @Get()
  @ApiOperation({ summary: 'Bills of materials: what one unit of each product consumes (R3.5)' })
  @ApiAnswers(BomView, { page: true, errors: [400], description: 'a page of bills of materials, by bomRef' })
  list(@Query() query: PageQuery): Promise<Page<BomView>> {
    return this.boms.list(query.page, query.pageSize);
  }

  @Get(':bomRef')
  @ApiOperation({ summary: "One bill of materials, by the catalog's bomRef" })
  @ApiAnswers(BomView, { errors: [404], description: 'the bill of materials' })
  get(@Param('bomRef') bomRef: string): Promise<BomView> {
    return this.boms.get(bomRef);
  }
}
