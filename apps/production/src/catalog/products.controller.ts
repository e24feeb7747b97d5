import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, IfMatch, Idempotent } from '@opm/platform';
import { CreateProductDto, ReplaceProductDto } from './dto/product.dto';
import { ListProductsQuery } from './dto/list-products.query';
import { ProductsService } from './products.service';

/** Who maintains the catalog: production, which makes the products, and engineering, which specifies them (R3.2). */
const CATALOG_MAINTAINERS = ['PRODUCTION:HEAD', 'TECHNICAL:HEAD'] as const;

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @ApiOkResponse({ description: '{items, total, page, pageSize}; each item is a product with its version' })
  list(@Query() query: ListProductsQuery) {
    return this.products.list(query);
  }

  @Get(':code')
  @ApiOkResponse({ description: 'the product: code, name, specifications, leadTimeDays, capacityUse, bomRef, standardCost, currency, active, version' })
  get(@Param('code') code: string) {
    return this.products.get(code);
  }

  @Post()
  @Allow(...CATALOG_MAINTAINERS)
  @Idempotent()
  @HttpCode(201)
  @ApiCreatedResponse({ description: 'the new product; sales and the reviewers receive it by event' })
  create(@Body() dto: CreateProductDto) {
    return this.products.create(dto);
  }

  @Put(':code')
  @Allow(...CATALOG_MAINTAINERS)
  @ApiHeader({ name: 'If-Match', required: false, description: 'the version the client last saw; a stale one is 409' })
  @ApiOkResponse({ description: 'the product as replaced; If-Match with a stale version is 409' })
  replace(@Param('code') code: string, @Body() dto: ReplaceProductDto, @IfMatch() ifMatch: number | undefined) {
    return this.products.replace(code, dto, ifMatch);
  }
}
