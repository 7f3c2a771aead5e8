import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type ExportTable, toCsv, toXlsx } from './export-table.js';

const table: ExportTable = {
  name: 'doctors_per_10000 2025',
  header: ['rank', 'province', 'value', 'note'],
  rows: [
    [1, 'Thái Nguyên', 17.2, null],
    [null, 'An Giang', null, 'no value for kien-giang, "merged"'],
  ],
};

describe('export', () => {
  it('writes CSV with a BOM, quoting only the cells that need it', () => {
    expect(toCsv(table)).toBe(
      '\ufeffrank,province,value,note\r\n1,Thái Nguyên,17.2,\r\n,An Giang,,"no value for kien-giang, ""merged"""\r\n',
    );
  });

  it('writes an XLSX sheet that reads back with numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await toXlsx(table)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('doctors_per_10000 2025');
    expect(sheet?.getRow(2).values).toEqual([undefined, 1, 'Thái Nguyên', 17.2]);
    expect(sheet?.getCell('D3').value).toBe('no value for kien-giang, "merged"');
  });
});
