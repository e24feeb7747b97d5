import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, CurrentPrincipal, type Page, type Principal, uuidParam } from '@opm/platform';
import { AnswerTechnicalIssueDto, ListTechnicalIssuesQuery, RaiseTechnicalIssueDto } from './dto/technical-issue.dto';
import { TechnicalIssueView } from './technical-issue.view';
import { TechnicalIssuesService } from './technical-issues.service';

const OPEN_EXAMPLE: TechnicalIssueView = {
  id: '7c1e9b4a-2d3f-4a5b-8c6d-0e1f2a3b4c5d',
  orderId: '3f1c2a9e-5b7d-4c1e-9a2b-8d6f0e4c7a21',
  question: 'May line 2 use 316L instead of 304 for the flange face?',
  status: 'OPEN',
  raisedBy: 'production.staff',
  raisedByDepartment: 'PRODUCTION',
  raisedAt: '2026-12-03T08:30:00.000Z',
  answer: null,
  answeredBy: null,
  answeredAt: null,
};

/** Technical support to execution (R5.4): the technical department is production's engineering module. */
@ApiTags('production')
@Controller('production/technical-issues')
export class TechnicalIssuesController {
  constructor(private readonly issues: TechnicalIssuesService) {}

  @Get()
  @ApiOperation({ summary: 'Technical issues (R5.4), oldest first, by order and status; any signed-in user' })
  @ApiAnswers(TechnicalIssueView, { page: true, errors: [400], description: 'a page of technical issues' })
  list(@Query() query: ListTechnicalIssuesQuery): Promise<Page<TechnicalIssueView>> {
    return this.issues.list(query);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Raises a technical issue on an order (anyone working on it); open issues show on the order',
    description: '422 names `orderId` when the order has not reached production.',
  })
  @ApiAnswers(TechnicalIssueView, { status: 201, errors: [400, 422], description: 'the issue, OPEN', example: OPEN_EXAMPLE })
  raise(@Body() dto: RaiseTechnicalIssueDto, @CurrentPrincipal() actor: Principal): Promise<TechnicalIssueView> {
    return this.issues.raise(dto, actor);
  }

  @Post(':id/answer')
  @HttpCode(200)
  @Allow('TECHNICAL')
  @ApiOperation({ summary: 'Answers a technical issue (technical department)', description: '409 when it is already answered.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiAnswers(TechnicalIssueView, {
    errors: [400, 403, 404, 409],
    description: 'the issue, ANSWERED',
    example: { ...OPEN_EXAMPLE, status: 'ANSWERED', answer: 'Yes: 316L meets the drawing.', answeredBy: 'technical.head', answeredAt: '2026-12-03T10:05:00.000Z' },
  })
  answer(@Param('id', uuidParam('id')) id: string, @Body() dto: AnswerTechnicalIssueDto, @CurrentPrincipal() actor: Principal): Promise<TechnicalIssueView> {
    return this.issues.answer(id, dto, actor);
  }
}
