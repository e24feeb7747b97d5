import { Body, Controller, Get, Injectable, Module, Param, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { z } from 'zod';
import { Allow, ApiAnswers, ApiIfMatch, apiView, Idempotent, Public } from '@opm/platform';
import { buildApiContract, controllersOf } from './api-contract';

const NoteView = apiView('ContractNote', z.object({ id: z.string(), text: z.string() }));

class NoteDto {
  @ApiProperty({ example: 'call the customer back' })
  @IsString()
  text!: string;
}

class BareDto {
  @ApiProperty()
  @IsString()
  text!: string;
}

@Injectable()
class NotesService {}

@Controller('notes')
class DocumentedController {
  constructor(readonly notes: NotesService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One note' })
  @ApiAnswers(NoteView, { errors: [404] })
  get(@Param('id') id: string) {
    return { id, text: '' };
  }

  @Post()
  @Allow('SALES')
  @Idempotent()
  @ApiOperation({ summary: 'Adds a note' })
  @ApiAnswers(NoteView, { status: 201, errors: [400, 403, 409, 422] })
  add(@Body() dto: NoteDto) {
    return { id: '1', text: dto.text };
  }
}

@Public()
@Controller('open')
class OpenController {
  @Get()
  @ApiOperation({ summary: 'Answers anyone' })
  @ApiAnswers(null, { status: 204 })
  ping() {
    return undefined;
  }
}

@Controller('careless')
class CarelessController {
  @Get()
  untold() {
    return [];
  }

  @Put(':id')
  @Allow('SALES:HEAD')
  @ApiIfMatch()
  @ApiOperation({ summary: 'Changes a note' })
  @ApiAnswers(NoteView)
  change(@Param('id') _id: string, @Body() dto: BareDto) {
    return dto;
  }
}

@Module({ controllers: [OpenController] })
class OpenModule {}

@Module({ imports: [OpenModule], controllers: [DocumentedController], providers: [NotesService] })
class NotesModule {}

describe('API contract (issue 12)', () => {
  it('finds the controllers of a module and of every module it imports, dynamic ones included', async () => {
    expect(await controllersOf({ module: class Root {}, imports: [NotesModule], controllers: [CarelessController] })).toEqual(
      expect.arrayContaining([CarelessController, DocumentedController, OpenController]),
    );
  });

  it('builds the completed document without the providers, and finds nothing to say about a documented service', async () => {
    const contract = await buildApiContract({ controllers: await controllersOf(NotesModule) });
    expect(contract.violations).toEqual([]);
    expect(contract.operations).toEqual([
      'GET /notes/{id} -> 200 ContractNote | 401 404 413 415 429 | bearer',
      'GET /open -> 204 no content | 413 415 429 | public',
      'POST /notes (Idempotency-Key) -> 201 ContractNote | 400 401 403 409 413 415 422 429 | bearer',
    ]);
    expect(contract.document.paths['/open'].get?.security).toEqual([]);
    expect(contract.document.components?.schemas?.ContractNote).toMatchObject({ required: ['id', 'text'] });
  });

  it('names every operation that is not documented, and what it lacks', async () => {
    const { violations } = await buildApiContract({ controllers: [CarelessController] });
    expect(violations).toEqual([
      'GET /careless: no summary',
      'GET /careless: 200 documents no body schema',
      'GET /careless: no 401',
      'PUT /careless/{id}: no 400 (it takes a body)',
      'PUT /careless/{id}: no 400 (it reads If-Match)',
      'PUT /careless/{id}: no 403 (@Allow restricts it)',
      'PUT /careless/{id}: no 409 (a stale If-Match)',
      'PUT /careless/{id}: no example request (@ApiProperty({ example }) on every required field, or @ApiBody({ examples }))',
    ]);
  });
});
