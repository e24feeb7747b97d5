import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, ApiAnswers, ApiIfMatch, IfMatch, Idempotent, type Page } from '@opm/platform';
import { CreateProductDto, ReplaceProductDto } from './dto/product.dto';
import { ListProductsQuery } from './dto/list-products.query';
import { ProductView } from './product.view';
import { ProductsService } from './products.service';

/** Who maintains the catalog: production, which makes the products, and engineering, which specifies them (R3.2). */
const CATALOG_MAINTAINERS = ['PRODUCTION:HEAD', 'TECHNICAL:HEAD'] as const;

/** A product as a maintainer writes it, for the documentation's examples. */
const VALVE = {
  name: 'Solenoid valve DN25, 24 V',
  specifications: ['DN25 PN16', 'brass body', 'IP65 coil'],
  leadTimeDays: 21,
  capacityUse: [
    { workCentre: 'MACHINING', hoursPerUnit: 0.35 },
    { workCentre: 'ASSEMBLY', hoursPerUnit: 0.5 },
  ],
  bomRef: 'BOM-P-500',
  standardCost: '126.40',
  currency: 'CNY',
};

@ApiTags('products')
@Controller('products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  @ApiOperation({ summary: 'The product catalog (R2.2), by code; any signed-in user' })
  @ApiAnswers(ProductView, { page: true, errors: [400], description: 'a page of products, each with its version' })
  list(@Query() query: ListProductsQuery): Promise<Page<ProductView>> {
    return this.products.list(query);
  }

  @Get(':code')
  @ApiOperation({ summary: 'One product, with the version to send back in If-Match' })
  @ApiAnswers(ProductView, { errors: [404], description: 'the product' })
  get(@Param('code') code: string): Promise<ProductView> {
    return this.products.get(code);
  }

  @Post()
  @Allow(...CATALOG_MAINTAINERS)
  @Idempotent()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Adds a product to the catalog (production or technical head); sales and the reviewers receive it by event',
    description: '409 when the code exists (change the product with PUT). 422 names every unknown or repeated work centre of `capacityUse` in `errors[]`.',
  })
  @ApiBody({ type: CreateProductDto, examples: { valve: { summary: 'a new product', value: { code: 'P-500', ...VALVE } } } })
  @ApiAnswers(ProductView, {
    status: 201,
    errors: [400, 403, 409, 422],
    description: 'the new product, at version 1',
    headers: { 'Idempotent-Replayed': '`true` when this is the answer to an earlier request with the same Idempotency-Key, repeated' },
  })
  create(@Body() dto: CreateProductDto): Promise<ProductView> {
    return this.products.create(dto);
  }

  @Put(':code')
  @Allow(...CATALOG_MAINTAINERS)
  @ApiIfMatch()
  @ApiOperation({
    summary: 'Replaces a product but its code (production or technical head); a real change is a new version, announced by event',
    description:
      'A stale If-Match is 409 (`currentVersion`). 422 names every unknown or repeated work centre of `capacityUse` in `errors[]`. A replacement that changes nothing keeps the version and announces nothing.',
  })
  @ApiBody({
    type: ReplaceProductDto,
    examples: { slower: { summary: 'a longer lead time, the rest unchanged', value: { ...VALVE, leadTimeDays: 28, active: true } } },
  })
  @ApiAnswers(ProductView, {
    errors: [400, 403, 404, 409, 422],
    description: 'the product as it now stands',
  })
  replace(@Param('code') code: string, @Body() dto: ReplaceProductDto, @IfMatch() ifMatch: number | undefined): Promise<ProductView> {
    return this.products.replace(code, dto, ifMatch);
  }
}
