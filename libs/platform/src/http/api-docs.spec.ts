import { Controller, Get, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '../health/public.decorator';
import { ApiAnswers, apiView, completeApiDocument } from './api-docs';

apiView('UnusedView', z.object({ x: z.string() }));
const ThingView = apiView('ThingView', z.object({ id: z.uuid(), name: z.string(), note: z.string().nullable(), at: z.iso.datetime({ offset: true }) }));
/** Declared in the process (another service hosted alongside), answered by no operation of this one. */
apiView('OtherServiceView', z.object({ other: z.string() }));
/** A view only ever answered inside another one. */
const PartView = apiView('PartView', z.object({ part: z.string() }));
const PartListView = apiView('PartListView', z.object({ items: z.array(PartView.schema) }));

@Controller('things')
class ThingsController {
  @Get()
  @ApiAnswers(ThingView, { page: true })
  list() {
    return { items: [], total: 0, page: 1, pageSize: 20 };
  }

  @Post()
  @ApiAnswers(ThingView, { status: 201, errors: [400, 403, 422], headers: { Location: 'where the thing is' } })
  create() {
    return null;
  }

  @Get('parts')
  @ApiAnswers(PartListView)
  parts() {
    return { items: [] };
  }
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  @ApiAnswers(null, { status: 204 })
  ping() {
    return null;
  }
}

@Module({ controllers: [ThingsController, OpenController] })
class DocsTestModule {}

describe('API documents', () => {
  it('document views as components, errors as problem details, bearer security on all but public operations', async () => {
    const app = await NestFactory.create(DocsTestModule, new FastifyAdapter(), { logger: false });
    try {
      const doc = completeApiDocument(SwaggerModule.createDocument(app, new DocumentBuilder().addBearerAuth().build()));
      const list = doc.paths['/things'].get;
      const create = doc.paths['/things'].post;
      expect(list?.security).toEqual([{ bearer: [] }]);
      expect(doc.paths['/open'].get?.security).toEqual([]);
      expect(JSON.stringify(doc.paths['/open'].get)).not.toContain('x-public');
      expect(Object.keys(doc.paths['/open'].get?.responses ?? {})).not.toContain('401');
      expect(doc.components?.schemas?.OtherServiceView).toBeUndefined();
      // A view inside another is a reference to its own component, never a copy.
      expect(doc.components?.schemas?.PartListView).toMatchObject({ properties: { items: { type: 'array', items: { $ref: '#/components/schemas/PartView' } } } });
      expect(doc.components?.schemas?.PartView).toMatchObject({ required: ['part'] });
      expect(JSON.stringify(doc.components?.schemas)).not.toContain('$id');
      expect(list?.responses['200']).toMatchObject({
        content: { 'application/json': { schema: { properties: { items: { items: { $ref: '#/components/schemas/ThingView' } } } } } },
      });
      expect(Object.keys(create?.responses ?? {}).sort()).toEqual(['201', '400', '401', '403', '413', '415', '422', '429']);
      expect(create?.responses['422']).toMatchObject({ content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } } });
      expect(create?.responses['201']).toMatchObject({ headers: { Location: { description: 'where the thing is' } } });
      expect(doc.components?.schemas?.ThingView).toMatchObject({
        type: 'object',
        required: ['id', 'name', 'note', 'at'],
        properties: { note: { type: 'string', nullable: true }, at: { type: 'string', format: 'date-time' } },
      });
      expect(doc.components?.schemas?.ProblemDetails).toMatchObject({ required: ['type', 'title', 'status', 'detail'] });
      // The format says it; zod's generated regex is left out.
      expect(JSON.stringify(doc.components?.schemas?.ThingView)).not.toContain('pattern');
      // A view no operation of this document answers with is not claimed by it.
      expect(doc.components?.schemas?.UnusedView).toBeUndefined();
    } finally {
      await app.close();
    }
  });

  it('an example answer is typed as its view and refused when it does not match the schema', () => {
    const example = { id: '0c6f5f2e-5d5e-4c1e-9f3a-2b8f0a1d7e11', name: 'bracket', note: null, at: '2026-12-01T08:00:00.000Z' };
    expect(() => ApiAnswers(ThingView, { example })).not.toThrow();
    expect(() => ApiAnswers(ThingView, { example: { ...example, id: 'not-a-uuid' } })).toThrow('the example of ThingView does not match its schema');
    expect(() => ApiAnswers(ThingView, { page: true, example })).toThrow('a single view');
  });

  it('refuses one view name for two different schemas, and one schema under two names', () => {
    expect(() => apiView('ThingView', z.object({ other: z.string() }))).toThrow('declared twice');
    expect(apiView('ThingView', ThingView.schema)).toEqual(ThingView);
    expect(() => apiView('SameThingView', ThingView.schema)).toThrow('already the view ThingView');
  });
});
