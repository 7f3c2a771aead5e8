import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { ChitieuError } from '@chitieu/errors';
import { parse as parseCsvText } from 'csv-parse/sync';
import ExcelJS, { type Cell } from 'exceljs';
import { formatFigure } from '../figures/parse-figure.js';

/** One row of a table: the line (CSV, JSON) or sheet row (XLSX) it starts on, and its cells by header. */
export interface TableRow {
  line: number;
  cells: Record<string, string>;
}

/** The formats `readTable` understands, by file extension. */
export const TABLE_FORMATS = ['csv', 'json', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/**
 * Reads a target table from a file, choosing the reader by extension (`.csv`, `.json`, `.xlsx`).
 * Cells are trimmed (non-breaking spaces too), NFC-normalised, and keyed by their column's header;
 * rows whose cells are all empty are left out. Throws NOT_FOUND when the file does not exist and
 * VALIDATION_FAILED at `file` for an unknown extension, an unreadable file or malformed content.
 */
export async function readTable(file: string): Promise<TableRow[]> {
  const format = extname(file).slice(1).toLowerCase();
  if (!isFormat(format)) {
    throw unreadable(file, `unknown table format "${extname(file)}": expected one of .${TABLE_FORMATS.join(', .')}`);
  }
  let content: Buffer;
  try {
    content = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      const message = `no such file: ${file}`;
      throw new ChitieuError('NOT_FOUND', message, { file }, [{ path: 'file', message }], { cause: error });
    }
    throw unreadable(file, `cannot read ${file}: ${(error as Error).message}`, error);
  }
  try {
    if (format === 'xlsx') return await parseXlsxTable(content);
    const text = content.toString('utf8');
    return format === 'csv' ? parseCsvTable(text) : parseJsonTable(text);
  } catch (error) {
    const reason = error instanceof ChitieuError ? error.message : (error as Error).message;
    throw unreadable(file, `${file}: ${reason}`, error);
  }
}

/** Runs a parser, turning whatever it throws into VALIDATION_FAILED at `file`. */
function malformed<T>(format: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ChitieuError) throw error;
    throw unreadable(undefined, `malformed ${format}: ${(error as Error).message}`, error);
  }
}

function isFormat(format: string): format is TableFormat {
  return (TABLE_FORMATS as readonly string[]).includes(format);
}

function unreadable(file: string | undefined, message: string, cause?: unknown): ChitieuError {
  const details = file === undefined ? {} : { file };
  return new ChitieuError('VALIDATION_FAILED', message, details, [{ path: 'file', message }], { cause });
}

/** A cell as the importer reads it: trimmed of all white space (`\u00a0` included), NFC. */
function cleanCell(text: string): string {
  return text.normalize('NFC').trim();
}

/**
 * Reads CSV text whose first record is the header. Lines are counted in the text as given (CRLF or
 * LF); a record with a quoted line break is numbered by its first line. Records shorter than the
 * header get empty cells, as spreadsheets export them; longer ones are an error.
 */
export function parseCsvTable(text: string): TableRow[] {
  // csv-parse counts lines correctly only for LF endings.
  let names: Array<string | undefined> = [];
  const records = malformed(
    'CSV',
    () =>
      parseCsvText(text.replace(/\r\n?/g, '\n'), {
        bom: true,
        columns: (header: string[]) => {
          names = headers(header);
          return names;
        },
        info: true,
        relax_column_count_less: true,
        skip_empty_lines: true,
      }) as Array<{ record: Record<string, string | undefined>; info: { lines: number } }>,
  );
  return rows(
    records.map(({ record, info }) => {
      // `info.lines` is the record's last line: go back over the line breaks inside its cells.
      const breaks = Object.values(record).reduce((sum, cell) => sum + (cell?.split('\n').length ?? 1) - 1, 0);
      return { line: info.lines - breaks, cells: record };
    }),
    names,
  );
}

/**
 * Reads a JSON array of flat objects, one per row; a row's line is where its object opens. Numbers
 * are written the Vietnamese way (`75.5` → `"75,5"`) so the figure reader sees what a document
 * would show; `null` is an empty cell. Headers are the keys in order of first appearance.
 */
export function parseJsonTable(text: string): TableRow[] {
  const data: unknown = malformed('JSON', () => JSON.parse(text));
  if (!Array.isArray(data)) throw unreadable(undefined, 'a JSON table must be an array of objects, one per row');
  const lines = elementLines(text);
  const names = [...new Set(data.flatMap((element) => (isRecord(element) ? Object.keys(element) : [])))];
  return rows(
    data.map((element: unknown, index) => {
      const line = lines[index] ?? 1;
      if (!isRecord(element)) {
        throw unreadable(undefined, `line ${line}: row ${index + 1} is not an object`);
      }
      const cells: Record<string, string> = {};
      for (const [key, value] of Object.entries(element)) {
        if (value === null) cells[key] = '';
        else if (typeof value === 'string') cells[key] = value;
        else if (typeof value === 'number') cells[key] = formatFigure(value);
        else throw unreadable(undefined, `line ${line}: cell "${key}" is neither text, a number nor null`);
      }
      return { line, cells };
    }),
    names,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The line on which each element of the top-level JSON array opens (the text is valid JSON). */
function elementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let awaiting = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (awaiting && char !== undefined && !/\s/.test(char) && char !== ']') {
      lines.push(line);
      awaiting = false;
    }
    if (char === '"') inString = true;
    else if (char === '[' || char === '{') {
      depth++;
      if (depth === 1) awaiting = true;
    } else if (char === ']' || char === '}') depth--;
    else if (char === ',' && depth === 1) awaiting = true;
  }
  return lines;
}

/**
 * Reads the first worksheet of an XLSX workbook; its first non-empty row is the header and a row's
 * line is its sheet row number. Text cells are read as written. Numeric cells are written the
 * Vietnamese way, with `%` when the cell is formatted as a percentage (0.95 shown as 95%).
 */
export async function parseXlsxTable(content: Buffer): Promise<TableRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); hand it exactly the file's bytes.
    const bytes = content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer;
    await workbook.xlsx.load(bytes);
  } catch (error) {
    throw unreadable(undefined, `malformed XLSX: ${(error as Error).message}`, error);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable(undefined, 'the workbook has no worksheet');
  const read: Array<{ line: number; values: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) values.push(cellText(row.getCell(column)));
    read.push({ line: rowNumber, values });
  });
  const [header, ...body] = read;
  if (!header) return [];
  const names = headers(header.values);
  return rows(
    body.map(({ line, values }) => ({
      line,
      cells: Object.fromEntries(names.flatMap((name, index) => (name ? [[name, values[index] ?? '']] : []))),
    })),
    names,
  );
}

function cellText(cell: Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return cell.numFmt?.includes('%') ? `${formatFigure(Number((value * 100).toPrecision(15)))}%` : formatFigure(value);
  }
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((run) => run.text).join('');
  if (typeof value === 'object' && 'result' in value && typeof value.result === 'number') {
    return formatFigure(value.result);
  }
  return cell.text;
}

/** Header names, cleaned; an empty header drops its column, a repeated one is an error. */
function headers(raw: readonly string[]): Array<string | undefined> {
  const seen = new Set<string>();
  return raw.map((text) => {
    const name = cleanCell(text);
    if (name === '') return undefined;
    if (seen.has(name)) throw unreadable(undefined, `the header "${name}" appears twice`);
    seen.add(name);
    return name;
  });
}

/** Cleans every cell and gives each row every header, in header order; drops rows with nothing in them. */
function rows(
  raw: Array<{ line: number; cells: Record<string, string | undefined> }>,
  names: ReadonlyArray<string | undefined>,
): TableRow[] {
  return raw.flatMap(({ line, cells }) => {
    const clean: Record<string, string> = {};
    for (const name of names) if (name !== undefined) clean[cleanCell(name)] = cleanCell(cells[name] ?? '');
    return Object.values(clean).some((cell) => cell !== '') ? [{ line, cells: clean }] : [];
  });
}
