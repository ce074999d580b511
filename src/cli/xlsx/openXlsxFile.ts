/**
 * A workbook file opened with ExcelJS for a reader, or the reason it cannot be, said as an issue in Thai and
 * English: a missing file and a file that is not a readable .xlsx (damaged, or another format) are a person's
 * mistakes, never a stack trace.
 */
import { existsSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { issue, type Issue } from '../../domain';

export type OpenedXlsx =
  { readonly ok: true; readonly workbook: ExcelJS.Workbook } | { readonly ok: false; readonly issues: readonly Issue[] };

/** `hint`: a sentence added to the unreadable-file message, in both languages (e.g. how to save an old .xls). */
export async function openXlsxFile(file: string, hint?: { readonly th: string; readonly en: string }): Promise<OpenedXlsx> {
  if (!existsSync(file))
    return { ok: false, issues: [issue('file-unreadable', 'error', { th: `ไม่พบไฟล์ ${file}`, en: `no such file: ${file}` })] };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch {
    const th = `ไฟล์ ${file} ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้ หรือไฟล์เสียหาย`;
    const en = `${file} is not a readable Excel workbook (.xlsx), or it is damaged`;
    return {
      ok: false,
      issues: [issue('xlsx-unreadable', 'error', hint ? { th: `${th} ${hint.th}`, en: `${en} ${hint.en}` } : { th, en })],
    };
  }
  return { ok: true, workbook };
}
