import { Module } from '@nestjs/common';
import { StockModule } from '../stock/stock.module';
import { RequirementsController } from './requirements.controller';
import { RequirementsService } from './requirements.service';

@Module({ imports: [StockModule], controllers: [RequirementsController], providers: [RequirementsService], exports: [RequirementsService] })
export class RequirementsModule {}
