import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAnswers, type Page } from '@opm/platform';
import { ListRequirementsQuery } from './dto/list-requirements.query';
import { MaterialRequirementView } from './requirement.view';
import { RequirementsService } from './requirements.service';

@ApiTags('purchasing')
@Controller('purchasing/requirements')
export class RequirementsController {
  constructor(private readonly requirements: RequirementsService) {}

  @Get()
  @ApiOperation({
    summary: "Material requirements of issued orders (R5.2), an order's with `?orderId=`: bill of materials x quantity net of free stock, with latest order dates",
    description: 'Computed once when the issued order reaches purchasing; the free stock counted is reserved for the order. Any signed-in user.',
  })
  @ApiAnswers(MaterialRequirementView, { page: true, errors: [400], description: 'a page of requirements, by order then material' })
  list(@Query() query: ListRequirementsQuery): Promise<Page<MaterialRequirementView>> {
    return this.requirements.list(query);
  }
}
