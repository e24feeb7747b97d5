import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { asyncApiDocument } from '@opm/contracts';
import { Public } from '@opm/platform';

/**
 * The events' contract (AsyncAPI 3.0) beside the HTTP one: generated from the contracts library, so a
 * department system consuming Kafka reads the same topics, keys, envelopes and payload schemas the code uses.
 */
@ApiExcludeController()
@Public()
@Controller('api')
export class AsyncApiController {
  private readonly document = JSON.stringify(asyncApiDocument());

  @Get('asyncapi.json')
  @Header('content-type', 'application/json; charset=utf-8')
  asyncapi(): string {
    return this.document;
  }
}
