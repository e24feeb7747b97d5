import { Module } from '@nestjs/common';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';
import { DemoCustomersSeeder } from './demo-customers.seeder';

@Module({
  controllers: [CustomersController],
  providers: [CustomersService, DemoCustomersSeeder],
  exports: [CustomersService],
})
export class CustomersModule {}
