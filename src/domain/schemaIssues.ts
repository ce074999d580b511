/** Turns zod's findings into our issues: code `schema`, the JSON path, and a message in Thai and English. */
import type { z } from 'zod';
import { issue, type Issue } from './issues';
import { formatPath } from './jsonPath';

const typeNamesTh: Record<string, string> = {
  string: 'ข้อความ',
  number: 'ตัวเลข',
  boolean: 'true หรือ false',
  array: 'รายการ (array)',
  object: 'ออบเจกต์ (object)',
};

function thaiFor(zi: z.core.$ZodIssue): string {
  switch (zi.code) {
    case 'invalid_type':
      return zi.input === undefined ? 'ขาดข้อมูลที่จำเป็น' : `ต้องเป็น${typeNamesTh[zi.expected] ?? zi.expected}`;
    case 'too_small':
      return zi.origin === 'array' ? `ต้องมีอย่างน้อย ${String(zi.minimum)} รายการ` : `ต้องไม่น้อยกว่า ${String(zi.minimum)}`;
    case 'too_big':
      return zi.origin === 'array' ? `ต้องมีไม่เกิน ${String(zi.maximum)} รายการ` : `ต้องไม่เกิน ${String(zi.maximum)}`;
    case 'invalid_value':
      return `ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: ${zi.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return 'รูปแบบข้อมูลไม่ตรงกับที่รองรับ';
    case 'invalid_format':
      return 'รูปแบบไม่ถูกต้อง';
    default:
      return 'ข้อมูลไม่ถูกต้อง';
  }
}

export function schemaIssues(error: z.ZodError, prefix: readonly PropertyKey[] = []): Issue[] {
  return error.issues.map((zi) => {
    const path = formatPath([...prefix, ...zi.path]);
    const en = zi.code === 'invalid_type' && zi.input === undefined ? 'required' : zi.message;
    return issue('schema', 'error', { th: `${path}: ${thaiFor(zi)}`, en: `${path}: ${en}` }, { path });
  });
}
