/** A table as exported: a header row and rows of cells (numbers stay numbers in XLSX). */
export interface ExportTable {
  name: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

function csvCell(cell: string | number | null): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV with a byte-order mark, so that Excel opens the Vietnamese names as UTF-8. Numbers
 * are written with a decimal point: a CSV is read by programs, whatever the page's language.
 */
export function toCsv(table: ExportTable): string {
  const lines = [table.header, ...table.rows].map((row) => row.map(csvCell).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** The same table as an XLSX workbook of one sheet; exceljs is loaded only when asked for. */
export async function toXlsx(table: ExportTable): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(table.name.slice(0, 31));
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Hands the browser a file to save. */
export function download(name: string, content: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
