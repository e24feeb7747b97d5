import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { integerWord, MAX_PAGE, PageQuery } from './page';

const errorsOf = (query: Record<string, unknown>): string[] =>
  validateSync(plainToInstance(PageQuery, query), { whitelist: true, forbidNonWhitelisted: true }).map((e) => e.property);

describe('paging parser (issue 11 item 7)', () => {
  it('I11.7 only digit strings become page numbers; 1e20, fractions, signs, hex and repeats stay text', () => {
    expect(integerWord('12')).toBe(12);
    for (const raw of ['1e20', '1.5', '-1', '+1', '0x10', ' 7', '', '99999999999999999999']) expect(integerWord(raw)).toBe(raw);
    expect(integerWord(['1', '2'])).toEqual(['1', '2']);
  });

  it('I11.7 page=1e20, page=1.5, a repeated page and a page beyond MAX_PAGE are refused with the field named', () => {
    expect(errorsOf({ page: '1e20' })).toEqual(['page']);
    expect(errorsOf({ page: '1.5' })).toEqual(['page']);
    expect(errorsOf({ page: ['1', '2'] })).toEqual(['page']);
    expect(errorsOf({ page: String(MAX_PAGE + 1) })).toEqual(['page']);
    expect(errorsOf({ pageSize: '201' })).toEqual(['pageSize']);
    expect(errorsOf({ page: '0' })).toEqual(['page']);
  });

  it('I11.7 ordinary pages and the defaults pass', () => {
    expect(errorsOf({})).toEqual([]);
    expect(errorsOf({ page: '3', pageSize: '200' })).toEqual([]);
    expect(plainToInstance(PageQuery, { page: '3' })).toMatchObject({ page: 3, pageSize: 50 });
  });
});
