import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, type Page } from '@opm/platform';
import { ListStandardsQuery } from './dto/list-standards.query';
import { QualityStandardView } from './quality-standard.view';
import { StandardsService } from './standards.service';

/** Read by anyone signed in: sales and the reviewers look up what quality can attain (R3.4). */
@ApiTags('quality')
@Controller('quality/standards')
export class StandardsController {
  constructor(private readonly standards: StandardsService) {}

  @Get()
  @ApiOperation({ summary: 'Quality standards attainable per product (tolerance classes, certificates, ratings), with inspection notes' })
  @ApiAnswers(QualityStandardView, { page: true, errors: [400], description: 'a page of products with what quality can attain, by product code' })
  list(@Query() query: ListStandardsQuery): Promise<Page<QualityStandardView>> {
    return this.standards.list(query);
  }
}
