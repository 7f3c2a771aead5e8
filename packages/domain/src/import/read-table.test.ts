import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChitieuError } from '@chitieu/errors';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusal } from '../shared/test-refusal.js';
import { parseCsvTable, parseJsonTable, parseXlsxTable, readTable } from './read-table.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const HEADERS = ['STT', 'Các chỉ tiêu', 'Năm 2017', 'Đến năm 2025', 'Đến năm 2030'];

async function failure(promise: Promise<unknown>): Promise<ChitieuError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof ChitieuError) return error;
  throw new Error(`expected a ChitieuError, got ${String(error)}`);
}

describe('readTable on the seed 004 fixtures', () => {
  it('reads the CSV: 28 rows keyed by header, numbered by line, non-breaking spaces trimmed', async () => {
    const rows = await readTable(fixture('kien-giang-132.csv'));
    expect(rows).toHaveLength(28);
    expect(rows[0]).toEqual({
      line: 2,
      cells: {
        STT: '1',
        'Các chỉ tiêu': 'Tuổi thọ trung bình (năm)',
        'Năm 2017': '74,3',
        'Đến năm 2025': '75',
        'Đến năm 2030': '75,5',
      },
    });
    // "4 | Tỷ lệ tiêm chủng mở rộng:" has a non-breaking space in each figure cell, as in the document.
    expect(rows[4]).toEqual({
      line: 6,
      cells: {
        STT: '4',
        'Các chỉ tiêu': 'Tỷ lệ tiêm chủng mở rộng:',
        'Năm 2017': '',
        'Đến năm 2025': '',
        'Đến năm 2030': '',
      },
    });
    expect(rows.at(-1)?.line).toBe(29);
    for (const row of rows) expect(Object.keys(row.cells)).toEqual(HEADERS);
  });

  it('reads the same cells from the JSON (each row on the line its object opens) and the XLSX', async () => {
    const csv = await readTable(fixture('kien-giang-132.csv'));
    const json = await readTable(fixture('kien-giang-132.json'));
    const xlsx = await readTable(fixture('kien-giang-132.xlsx'));
    expect(json.map((row) => row.cells)).toEqual(csv.map((row) => row.cells));
    expect(json.map((row) => row.line)).toEqual(csv.map((_, index) => 2 + 7 * index));
    expect(xlsx).toEqual(csv);
  });
});

describe('parseCsvTable', () => {
  it('numbers rows by the line they start on, across CRLF, blank lines and quoted line breaks', () => {
    const text = '\ufeffSTT,Chỉ tiêu,Năm 2017\r\n1,"Tuổi thọ\r\ntrung bình","74,3"\r\n\r\n2,Dân số,x\r\n';
    expect(parseCsvTable(text)).toEqual([
      { line: 2, cells: { STT: '1', 'Chỉ tiêu': 'Tuổi thọ\ntrung bình', 'Năm 2017': '74,3' } },
      { line: 5, cells: { STT: '2', 'Chỉ tiêu': 'Dân số', 'Năm 2017': 'x' } },
    ]);
  });

  it('gives short records empty cells, drops empty rows and columns without a header', () => {
    expect(parseCsvTable('a,,b\n1,x\n,,\n2,y,3\n')).toEqual([
      { line: 2, cells: { a: '1', b: '' } },
      { line: 4, cells: { a: '2', b: '3' } },
    ]);
  });

  it('normalises cells to NFC', () => {
    const [row] = parseCsvTable(`Chỉ tiêu\n${'Tuổi thọ'.normalize('NFD')}\n`);
    expect(row?.cells['Chỉ tiêu']).toBe('Tuổi thọ');
  });

  it.each([
    ['a,b\n1,"x\n', 'Quote Not Closed'],
    ['a,b\n1,2,3\n', 'Invalid Record Length'],
    ['a,a\n1,2\n', 'the header "a" appears twice'],
  ])('refuses %j: %s', (text, why) => {
    const error = refusal(() => parseCsvTable(text));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('file');
    expect(error.message).toContain(why);
  });
});

describe('parseJsonTable', () => {
  it('writes numbers the Vietnamese way and null as an empty cell, every row gets every header', () => {
    const rows = parseJsonTable(
      '[\n  {"Chỉ tiêu": "Tuổi thọ", "Năm 2017": 74.3},\n  {"Năm 2017": null, "x": 4421755}\n]',
    );
    expect(rows).toEqual([
      { line: 2, cells: { 'Chỉ tiêu': 'Tuổi thọ', 'Năm 2017': '74,3', x: '' } },
      { line: 3, cells: { 'Chỉ tiêu': '', 'Năm 2017': '', x: '4.421.755' } },
    ]);
  });

  it('finds each object’s line past strings holding brackets, commas and escaped quotes', () => {
    const text = '[{"a": "[{,\\"}"},\n\n {"a": "2"}, {"a": "3"}]';
    expect(parseJsonTable(text).map((row) => row.line)).toEqual([1, 3, 3]);
  });

  it.each([
    ['{"a": 1}', 'must be an array of objects'],
    ['[\n1]', 'line 2: row 1 is not an object'],
    ['[{"a": {"b": 1}}]', 'cell "a" is neither text, a number nor null'],
    ['[{"a": 1}', 'malformed JSON'],
  ])('refuses %j: %s', (text, why) => {
    const error = refusal(() => parseJsonTable(text));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain(why);
  });
});

describe('parseXlsxTable', () => {
  it('reads text as written, numbers the Vietnamese way, percentages with %, rich text joined', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('t');
    sheet.addRow([]);
    sheet.addRow(['Chỉ tiêu', 'Năm 2017', 'Đến năm 2025', 'Đến năm 2030']);
    sheet.addRow(['Tuổi thọ', 74.3, '75', { richText: [{ text: '75' }, { text: ',5' }] }]);
    const row = sheet.addRow(['BHYT', 4421755, 0.95, { formula: '1+1', result: 2 }]);
    row.getCell(3).numFmt = '0%';
    const content = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await parseXlsxTable(content)).toEqual([
      { line: 3, cells: { 'Chỉ tiêu': 'Tuổi thọ', 'Năm 2017': '74,3', 'Đến năm 2025': '75', 'Đến năm 2030': '75,5' } },
      { line: 4, cells: { 'Chỉ tiêu': 'BHYT', 'Năm 2017': '4.421.755', 'Đến năm 2025': '95%', 'Đến năm 2030': '2' } },
    ]);
  });
});

describe('readTable errors', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chitieu-read-table-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses an unknown extension without reading the file', async () => {
    const error = await failure(readTable(join(dir, 'table.txt')));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.field).toBe('file');
    expect(error.message).toContain('unknown table format ".txt"');
  });

  it('reports a missing file as NOT_FOUND', async () => {
    const error = await failure(readTable(join(dir, 'missing.csv')));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.field).toBe('file');
  });

  it('reports a file it cannot read', async () => {
    const folder = join(dir, 'folder.csv');
    await mkdir(folder);
    const error = await failure(readTable(folder));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain(`cannot read ${folder}`);
  });

  it.each([
    ['broken.xlsx', 'not a zip', 'malformed XLSX'],
    ['broken.json', '[{"a": 1},', 'malformed JSON'],
    ['broken.csv', 'a,b\n1,"2\n', 'malformed CSV'],
  ])('names the file and the fault of malformed content (%s)', async (name, content, why) => {
    const file = join(dir, name);
    await writeFile(file, content);
    const error = await failure(readTable(file));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toContain(file);
    expect(error.message).toContain(why);
  });
});
