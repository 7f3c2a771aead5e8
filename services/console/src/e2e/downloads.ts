import ExcelJS from 'exceljs';
import type { Download } from 'playwright-core';

/** A downloaded file's bytes. */
export async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

/** The first sheet of a downloaded workbook, as rows of cell values (row 1 is the header). */
export async function xlsxRows(download: Download): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await bytesOf(download)) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  // exceljs numbers its cells from 1: values[0] is always empty.
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}
