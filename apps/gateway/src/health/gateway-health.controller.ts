import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiAnswers, apiView, Public, type ViewOf } from '@opm/platform';

/** What the gateway's probes answer. */
export const GatewayHealthView = apiView('GatewayHealth', z.object({ status: z.literal('ok') }));
type GatewayHealth = ViewOf<typeof GatewayHealthView>;

/** The gateway holds no state: live and ready mean the process answers. Each service has its own probes. */
@ApiTags('health')
@Public()
@Controller('health')
export class GatewayHealthController {
  @Get('live')
  @ApiOperation({ summary: 'Liveness of the gateway: the process answers (N6)' })
  @ApiAnswers(GatewayHealthView)
  live(): GatewayHealth {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: "Readiness of the gateway: the process answers (each service's readiness is its own, N6)" })
  @ApiAnswers(GatewayHealthView)
  ready(): GatewayHealth {
    return { status: 'ok' };
  }
}
