import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, CurrentPrincipal, type Principal, uuidParam } from '@opm/platform';
import { CreateMeetingDto, MeetingMinutesDto } from './meeting.dto';
import { MeetingView } from './meeting.view';
import { MeetingsService } from './meetings.service';

/** Tracking meetings are sales' (R6.3). */
@ApiTags('tracking')
@Controller('tracking/meetings')
export class MeetingsController {
  constructor(@Inject(MeetingsService) private readonly meetings: MeetingsService) {}

  @Post()
  @Allow('SALES')
  @ApiOperation({ summary: "Calls a tracking meeting: its agenda drawn from the open problems and overdue items of the orders given, or of every tracked order (R6.3)" })
  @ApiAnswers(MeetingView, { status: 201, errors: [400, 403, 422], description: 'the meeting with its agenda' })
  create(@Body() dto: CreateMeetingDto, @CurrentPrincipal() actor: Principal): Promise<MeetingView> {
    return this.meetings.create(dto, actor);
  }

  @Post(':id/minutes')
  @Allow('SALES')
  @HttpCode(200)
  @ApiOperation({ summary: "Records the meeting's minutes and actions (department, description, due); an order's open action is one of its monitoring items (R6.3, R6.4)" })
  @ApiAnswers(MeetingView, { errors: [400, 403, 404, 409, 422], description: 'the meeting with its minutes and actions' })
  minutes(@Param('id', uuidParam('id')) id: string, @Body() dto: MeetingMinutesDto, @CurrentPrincipal() actor: Principal): Promise<MeetingView> {
    return this.meetings.recordMinutes(id, dto, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A tracking meeting: agenda, minutes, actions and which are overdue (R6.3)' })
  @ApiAnswers(MeetingView, { errors: [400, 404], description: 'the meeting' })
  get(@Param('id', uuidParam('id')) id: string): Promise<MeetingView> {
    return this.meetings.get(id);
  }

  @Post(':id/actions/:actionId/done')
  @Allow('SALES')
  @HttpCode(200)
  @ApiOperation({ summary: "Marks a meeting's action done: it is no longer an open (or overdue) item (R6.3)" })
  @ApiAnswers(MeetingView, { errors: [400, 403, 404, 409], description: 'the meeting' })
  done(@Param('id', uuidParam('id')) id: string, @Param('actionId', uuidParam('actionId')) actionId: string, @CurrentPrincipal() actor: Principal): Promise<MeetingView> {
    return this.meetings.done(id, actionId, actor);
  }
}
