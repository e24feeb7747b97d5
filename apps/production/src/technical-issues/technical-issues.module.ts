import { Module } from '@nestjs/common';
import { TechnicalIssuesController } from './technical-issues.controller';
import { TechnicalIssuesService } from './technical-issues.service';

@Module({ controllers: [TechnicalIssuesController], providers: [TechnicalIssuesService], exports: [TechnicalIssuesService] })
export class TechnicalIssuesModule {}
