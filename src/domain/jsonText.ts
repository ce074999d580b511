/**
 * JSON text and bytes as a person saved them: a syntax error names its line and column, a key written twice in
 * one object is a warning naming its path (JSON.parse would keep the last one silently), and a file saved as
 * UTF-16 or in a Thai legacy encoding says to save it as UTF-8. A UTF-8 file with a BOM reads as it is.
 * Values still come from JSON.parse, so what a document means is exactly what it meant before.
 */
import { parse as parseTolerant, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import { issue, type Issue, type Message } from './issues';
import { formatPath } from './jsonPath';

export type JsonRead = { ok: true; value: unknown; issues: Issue[] } | { ok: false; issues: Issue[] };

const SYNTAX: Record<string, Message> = {
  InvalidSymbol: { th: 'มีอักขระที่ไม่ใช่ JSON', en: 'a character JSON does not allow' },
  InvalidNumberFormat: { th: 'ตัวเลขเขียนไม่ถูกรูปแบบ', en: 'a badly written number' },
  PropertyNameExpected: {
    th: 'ต้องมีชื่อฟิลด์ในเครื่องหมาย "…" (หรือมีจุลภาคเกิน)',
    en: 'a field name in "…" was expected (or there is a comma too many)',
  },
  ValueExpected: { th: 'ต้องมีค่า (หรือมีจุลภาคเกิน)', en: 'a value was expected (or there is a comma too many)' },
  ColonExpected: { th: 'ต้องมีเครื่องหมาย : หลังชื่อฟิลด์', en: 'a colon (:) was expected after the field name' },
  CommaExpected: { th: 'ขาดเครื่องหมายจุลภาค (,) ระหว่างรายการ', en: 'a comma (,) is missing between two items' },
  CloseBraceExpected: { th: 'ขาดเครื่องหมาย }', en: 'a closing } is missing' },
  CloseBracketExpected: { th: 'ขาดเครื่องหมาย ]', en: 'a closing ] is missing' },
  EndOfFileExpected: { th: 'มีข้อความเกินหลังจบ JSON', en: 'there is more text after the JSON ends' },
  InvalidCommentToken: { th: 'JSON ไม่รองรับหมายเหตุ (comment)', en: 'JSON does not allow comments' },
  UnexpectedEndOfComment: { th: 'JSON ไม่รองรับหมายเหตุ (comment)', en: 'JSON does not allow comments' },
  UnexpectedEndOfString: { th: 'ข้อความไม่มีเครื่องหมาย " ปิด', en: 'a text is not closed with "' },
  UnexpectedEndOfNumber: { th: 'ตัวเลขไม่สมบูรณ์', en: 'an incomplete number' },
  InvalidUnicode: { th: 'รหัส \\u ไม่ถูกต้อง', en: 'an invalid \\u escape' },
  InvalidEscapeCharacter: { th: 'เครื่องหมาย \\ ใช้ไม่ถูกต้อง', en: 'an invalid \\ escape' },
  InvalidCharacter: { th: 'มีอักขระควบคุม (เช่น ขึ้นบรรทัดใหม่) อยู่ในข้อความ', en: 'a control character (such as a line break) inside a text' },
};

/** Line and column (from 1) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function syntaxIssue(text: string): Issue {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) {
    return issue('json-syntax', 'error', {
      th: 'ไฟล์ไม่ใช่ JSON ที่ถูกต้อง ตรวจสอบว่าไม่ได้แก้ไขไฟล์จนเสียรูปแบบ',
      en: 'The file is not valid JSON; check that it was not damaged by editing',
    });
  }
  const { line, column } = lineColumn(text, first.offset);
  const what = SYNTAX[printParseErrorCode(first.error)] ?? { th: 'รูปแบบไม่ถูกต้อง', en: 'invalid syntax' };
  return issue(
    'json-syntax',
    'error',
    {
      th: `ไฟล์ไม่ใช่ JSON ที่ถูกต้อง: บรรทัด ${line} คอลัมน์ ${column}: ${what.th}`,
      en: `The file is not valid JSON: line ${line}, column ${column}: ${what.en}`,
    },
    { path: `line ${line}, column ${column}` },
  );
}

/** Keys written twice in one object, each a warning with its JSON path and line. */
function duplicateKeys(text: string): Issue[] {
  const issues: Issue[] = [];
  const open: Set<string>[] = [];
  visit(text, {
    onObjectBegin: () => {
      open.push(new Set());
    },
    onObjectEnd: () => {
      open.pop();
    },
    onObjectProperty: (property, _offset, _length, startLine, startCharacter, pathSupplier) => {
      const keys = open[open.length - 1];
      if (!keys) return;
      if (!keys.has(property)) {
        keys.add(property);
        return;
      }
      const path = formatPath([...pathSupplier(), property]);
      const at = `บรรทัด ${startLine + 1} คอลัมน์ ${startCharacter + 1}`;
      issues.push(
        issue(
          'duplicate-key',
          'warning',
          {
            th: `${path}: เขียนฟิลด์ "${property}" ซ้ำในออบเจกต์เดียวกัน (${at}) ระบบใช้ค่าที่เขียนไว้หลังสุด ให้ลบรายการที่ไม่ต้องการ`,
            en: `${path}: the field "${property}" is written twice in one object (line ${startLine + 1}, column ${startCharacter + 1}); the last one is used, remove the other`,
          },
          { path },
        ),
      );
    },
  });
  return issues;
}

const UTF16_HINT: Message = {
  th: 'ไฟล์ถูกบันทึกเป็น UTF-16 (Unicode) ให้บันทึกใหม่เป็น UTF-8 (เช่น Notepad: บันทึกเป็น > การเข้ารหัส UTF-8)',
  en: 'The file is saved as UTF-16 ("Unicode"); save it again as UTF-8 (e.g. Notepad: Save as > Encoding: UTF-8)',
};

/** Reads JSON text; a BOM at the start is allowed. */
export function readJsonText(text: string): JsonRead {
  const body = text.replace(/^\uFEFF/, '');
  // UTF-16 bytes read as UTF-8 come out with a NUL after every ASCII character.
  if (body.includes('\u0000')) return { ok: false, issues: [issue('file-encoding', 'error', UTF16_HINT)] };
  let value: unknown;
  try {
    value = JSON.parse(body) as unknown;
  } catch {
    return { ok: false, issues: [syntaxIssue(body)] };
  }
  return { ok: true, value, issues: duplicateKeys(body) };
}

/**
 * Bytes of a file → its text: UTF-8 with or without a BOM. UTF-16 (with a BOM, or recognisable by its NULs) and
 * bytes that are not UTF-8 (a Thai file saved as TIS-620 / Windows-874) are issues saying to save it as UTF-8.
 */
export function decodeJsonBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; issues: Issue[] } {
  const utf16 =
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff) ||
    (bytes.length >= 2 && (bytes[0] === 0 || bytes[1] === 0));
  if (utf16) return { ok: false, issues: [issue('file-encoding', 'error', UTF16_HINT)] };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return {
      ok: false,
      issues: [
        issue('file-encoding', 'error', {
          th: 'ไฟล์ไม่ได้บันทึกเป็น UTF-8 (อาจเป็น TIS-620 / Windows-874) ภาษาไทยจึงอ่านไม่ได้ ให้บันทึกใหม่เป็น UTF-8',
          en: 'The file is not UTF-8 (perhaps TIS-620 / Windows-874), so its Thai text cannot be read; save it again as UTF-8',
        }),
      ],
    };
  }
}
