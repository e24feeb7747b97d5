import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ListStandardsQuery } from './dto/list-standards.query';
import { StandardsService } from './standards.service';

/** Read by anyone signed in: sales and the reviewers look up what quality can attain (R3.4). */
@ApiTags('quality')
@Controller('quality/standards')
export class StandardsController {
  constructor(private readonly standards: StandardsService) {}

  @Get()
  @ApiOperation({ summary: 'Quality standards attainable per product (tolerance classes, certificates, ratings), with inspection notes' })
  @ApiOkResponse({ description: '{items: [{productCode, attainableStandards, inspectionNotes, updatedAt}], total, page, pageSize}' })
  list(@Query() query: ListStandardsQuery) {
    return this.standards.list(query);
  }
}
