import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, CurrentPrincipal, Idempotent, type Page, type Principal } from '@opm/platform';
import { ListInspectionsQuery } from './dto/list-inspections.query';
import { RecordInspectionDto } from './dto/record-inspection.dto';
import { InspectionView, PASSED_INSPECTION_EXAMPLE } from './inspection.view';
import { InspectionsService } from './inspections.service';

const INSPECTION_EXAMPLES = {
  pass: {
    summary: 'a passed final lot: it gets an inspection report',
    value: { orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90', stage: 'FINAL', lot: 'LOT-2026-12-02-A', quantityInspected: 100, result: 'PASS', findings: 'all dimensions within ISO 2768-m' },
  },
  fail: {
    summary: 'a failed lot: it raises a nonconformance (findings required)',
    value: { orderId: '3f1c2a9e-7b4d-4e1a-9c3b-2d5e6f7a8b90', stage: 'IN_PROCESS', lot: 'LOT-2026-12-01-B', quantityInspected: 20, result: 'FAIL', findings: 'bolt circle 0.3 mm out of tolerance on 4 of 20 flanges' },
  },
};

@ApiTags('quality')
@Controller('quality/inspections')
export class InspectionsController {
  constructor(private readonly inspections: InspectionsService) {}

  @Post()
  @Allow('QUALITY')
  @Idempotent()
  @ApiOperation({
    summary: 'Record an inspected lot of an issued order (R5.3): PASS gets an inspection report, FAIL raises a nonconformance',
    description:
      "Quality staff. `lot` is required and `quantityInspected` > 0 (400 naming the field); `findings` is required for FAIL. 404 for an order quality has never received, 409 for one not issued to quality yet. The order's quality results change (quality.order.results-changed.v1).",
  })
  @ApiBody({ type: RecordInspectionDto, examples: INSPECTION_EXAMPLES })
  @ApiAnswers(InspectionView, { status: 201, errors: [400, 403, 404, 409, 422], description: 'the inspection, with its report or its nonconformance', example: PASSED_INSPECTION_EXAMPLE })
  record(@Body() dto: RecordInspectionDto, @CurrentPrincipal() principal: Principal): Promise<InspectionView> {
    return this.inspections.record(dto, principal);
  }

  @Get()
  @ApiOperation({ summary: "Inspections recorded (R5.3), an order's with `?orderId=`, oldest first" })
  @ApiAnswers(InspectionView, { page: true, errors: [400], description: 'a page of inspections' })
  list(@Query() query: ListInspectionsQuery): Promise<Page<InspectionView>> {
    return this.inspections.list(query);
  }
}
