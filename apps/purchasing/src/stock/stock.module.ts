import { Module } from '@nestjs/common';
import { ReleaseReservationsOnCancel, StockReservations } from './reservations';
import { StockController } from './stock.controller';
import { StockService } from './stock.service';

@Module({ controllers: [StockController], providers: [StockService, StockReservations, ReleaseReservationsOnCancel], exports: [StockReservations, ReleaseReservationsOnCancel] })
export class StockModule {}
