import { exportColumns, moneyText, neutralise, type Cell } from "./rows.js";

/** The rows of an export: one array of cells per lead, in `exportColumns` order. */
export type ExportRows = Cell[][];

/** Quotes a field holding a separator, quote or line break. */
function csvField(cell: Cell): string {
  if (cell === null) return "";
  const text = typeof cell === "string" ? neutralise(cell) : moneyText(cell.kopecks);
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV Russian Excel opens as it is: UTF-8 with a BOM, `;` between fields, CRLF, a decimal comma. */
export function exportCsv(rows: ExportRows): string {
  const lines = [exportColumns.map((column) => csvField(column.header)), ...rows.map((row) => row.map(csvField))];
  return `\uFEFF${lines.map((line) => line.join(";")).join("\r\n")}\r\n`;
}

/** A real .xlsx: one sheet "Лиды", text cells (neutralised as in the CSV), money as numbers with two decimals. */
export async function exportXlsx(rows: ExportRows): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded on the first .xlsx export only: exceljs is large, and every other request of the API Lambda would pay for it at a cold start.
  const { default: ExcelJS } = await import("exceljs");
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Лиды");
  sheet.addRow(exportColumns.map((column) => column.header)).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => (cell === null ? null : typeof cell === "string" ? neutralise(cell) : cell.kopecks / 100)));
  const money = exportColumns.findIndex((column) => column.header.startsWith("Сумма")) + 1;
  sheet.getColumn(money).numFmt = "#,##0.00";
  return new Uint8Array(await book.xlsx.writeBuffer() as ArrayBuffer);
}
