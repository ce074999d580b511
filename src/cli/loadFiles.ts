/** Reading the files a command is given; a broken file is a message naming the path, never a stack trace. */
import { readFileSync } from 'node:fs';
import { decodeJsonBytes, readAssessmentText, readResultsText, type Assessment, type Issue, type Results } from '../domain';

export class FileProblem extends Error {
  constructor(
    readonly file: string,
    readonly issues: readonly Issue[],
  ) {
    super(`${file}: ${issues.map((i) => i.message.en).join('; ')}`);
  }
}

/** The file's text: UTF-8 (a BOM is fine); UTF-16 or a Thai legacy encoding is a message saying to save it as UTF-8. */
function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    throw new FileProblem(file, [
      {
        code: 'file-unreadable',
        severity: 'error',
        message: {
          th: code === 'ENOENT' ? `ไม่พบไฟล์ ${file}` : `อ่านไฟล์ ${file} ไม่ได้ (${code})`,
          en: code === 'ENOENT' ? `no such file: ${file}` : `cannot read ${file} (${code})`,
        },
      },
    ]);
  }
  const decoded = decodeJsonBytes(bytes);
  if (!decoded.ok) throw new FileProblem(file, decoded.issues);
  return decoded.text;
}

export function loadAssessment(file: string): { assessment: Assessment; warnings: readonly Issue[] } {
  const read = readAssessmentText(readText(file));
  if (!read.ok) throw new FileProblem(file, read.issues);
  return { assessment: read.value, warnings: read.issues };
}

export function loadResults(file: string, assessment: Assessment): { results: Results; warnings: readonly Issue[] } {
  const read = readResultsText(readText(file), assessment);
  if (!read.ok) throw new FileProblem(file, read.issues);
  return { results: read.value, warnings: read.issues };
}
