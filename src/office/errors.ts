/**
 * Office errors → WorkbookError values a person can act on, in Thai and English. Office.js rejects a sync with an
 * OfficeExtension.Error whose `code` names what went wrong (Excel.ErrorCodes); the message Office gives is English
 * and technical, so it goes to the log (hostCode), and the user reads what to do next.
 */
import type { Message } from '../domain';
import { WorkbookError } from '../workbook/port';

const M = (th: string, en: string): Message => ({ th, en });

const BY_CODE: Readonly<Record<string, Message>> = {
  InvalidOperationInCellEditMode: M(
    'Excel กำลังแก้ไขเซลล์อยู่ กด Enter หรือ Esc ให้แก้ไขเซลล์เสร็จก่อน แล้วลองอีกครั้ง',
    'Excel is editing a cell: finish editing the cell first (press Enter or Esc), then try again.',
  ),
  AccessDenied: M(
    'แผ่นงานหรือสมุดงานถูกป้องกันไว้ ให้ยกเลิกการป้องกัน (รีวิว > ยกเลิกการป้องกันแผ่นงาน) แล้วลองอีกครั้ง',
    'The sheet or workbook is protected: unprotect it (Review > Unprotect Sheet), then try again.',
  ),
  ItemNotFound: M(
    'ไม่พบแผ่นงาน ตาราง หรือชื่อที่ผูกไว้ อาจถูกลบหรือเปลี่ยนชื่อ ให้ผูกแผ่นงานใหม่อีกครั้ง',
    'A bound sheet, table or name is gone (deleted or renamed): bind the sheet again.',
  ),
  ItemAlreadyExists: M(
    'มีแผ่นงาน ตาราง หรือชื่อนี้อยู่แล้ว ให้เปลี่ยนชื่อของเดิมหรือเลือกชื่ออื่น',
    'A sheet, table or name with this name already exists: rename the existing one or choose another name.',
  ),
  FilteredRangeConflict: M('ตารางกำลังกรองข้อมูลอยู่ ให้ล้างตัวกรองก่อน แล้วลองอีกครั้ง', 'The table is filtered: clear the filter, then try again.'),
  MergedRangeConflict: M('มีเซลล์ที่ผสานไว้ในช่วงที่ต้องเขียน ให้ยกเลิกการผสานเซลล์ก่อน', 'Merged cells are in the way: unmerge them, then try again.'),
  InsertDeleteConflict: M(
    'ช่วงนี้ทับกับตารางหรือเซลล์ที่ผสานไว้ ให้ย้ายออกก่อน',
    'The range overlaps a table or merged cells: move them out of the way first.',
  ),
  Conflict: M(
    'มีผู้อื่นแก้ไขสมุดงานนี้พร้อมกัน ให้รอสักครู่แล้วลองอีกครั้ง',
    'Someone else is editing this workbook at the same moment: wait a little, then try again.',
  ),
  RequestPayloadSizeLimitExceeded: M(
    'ข้อมูลที่ส่งให้ Excel ครั้งเดียวมากเกินไป ให้แบ่งแผ่นงานให้เล็กลงแล้วลองอีกครั้ง',
    'Too much was sent to Excel at once: split the sheet into smaller ones and try again.',
  ),
  ResponsePayloadSizeLimitExceeded: M(
    'ข้อมูลที่อ่านจาก Excel ครั้งเดียวมากเกินไป ให้แบ่งแผ่นงานให้เล็กลงแล้วลองอีกครั้ง',
    'Too much was read from Excel at once: split the sheet into smaller ones and try again.',
  ),
  RangeExceedsLimit: M(
    'ช่วงเซลล์ใหญ่เกินกว่าที่ Excel รับได้ในครั้งเดียว ให้แบ่งแผ่นงานให้เล็กลง',
    'The range is larger than Excel takes at once: split the sheet into smaller ones.',
  ),
  OperationCellsExceedLimit: M(
    'จำนวนเซลล์มากเกินกว่าที่ Excel รับได้ในครั้งเดียว ให้แบ่งแผ่นงานให้เล็กลง',
    'Too many cells for one operation: split the sheet into smaller ones.',
  ),
  ApiNotFound: M(
    'Excel รุ่นนี้ไม่รองรับคำสั่งที่ต้องใช้ ให้ปรับรุ่น Excel หรือใช้ Excel บนเว็บ',
    'This version of Excel lacks a feature Scorebook needs: update Excel or use Excel on the web.',
  ),
  UnsupportedOperation: M(
    'Excel ทำคำสั่งนี้ไม่ได้ในขณะนี้ ให้ปิดกล่องโต้ตอบที่เปิดค้างไว้แล้วลองอีกครั้ง',
    'Excel cannot do this right now: close any open dialog, then try again.',
  ),
  NotImplemented: M(
    'Excel รุ่นนี้ไม่รองรับคำสั่งที่ต้องใช้ ให้ปรับรุ่น Excel หรือใช้ Excel บนเว็บ',
    'This version of Excel lacks a feature Scorebook needs: update Excel or use Excel on the web.',
  ),
  InactiveWorkbook: M(
    'สมุดงานนี้ไม่ได้เปิดอยู่ด้านหน้า ให้คลิกที่สมุดงานแล้วลองอีกครั้ง',
    'This workbook is not the active one: click into it, then try again.',
  ),
  RequestAborted: M('Excel ยกเลิกคำสั่งระหว่างทำงาน ให้ลองอีกครั้ง', 'Excel aborted the request: try again.'),
};

const GENERAL = M(
  'Excel ทำคำสั่งไม่สำเร็จ ให้บันทึกสมุดงาน แล้วลองอีกครั้ง หากยังไม่ได้ให้ปิดและเปิดสมุดงานใหม่',
  'Excel could not complete the request: save the workbook and try again; if it still fails, close and reopen it.',
);

/** Anything thrown by Office.js (or already a WorkbookError) → a WorkbookError. */
export function toWorkbookError(error: unknown, where: { sheet?: string; address?: string } = {}): WorkbookError {
  if (error instanceof WorkbookError) return error;
  const code =
    typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
      ? (error as { code: string }).code
      : undefined;
  const message = (code !== undefined ? BY_CODE[code] : undefined) ?? GENERAL;
  const detail = error instanceof Error ? error.message : String(error);
  const e = new WorkbookError(code ?? 'GeneralException', message, where, code);
  e.stack = `${e.stack ?? ''}\nCaused by: ${detail}`;
  return e;
}
