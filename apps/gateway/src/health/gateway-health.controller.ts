import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@opm/platform';

/** The gateway holds no state: live and ready mean the process answers. Each service has its own probes. */
@ApiExcludeController()
@Public()
@Controller('health')
export class GatewayHealthController {
  @Get('live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  ready(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
