/**
 * Is the file what its name says? The extension must be one the e-SAR manual allows (seed 000) and the first
 * bytes must match it: %PDF, PNG, JPEG (FF D8 FF), the OLE compound file of .doc/.xls/.ppt (D0 CF 11 E0 …),
 * or for .docx/.xlsx/.pptx a ZIP whose entries include [Content_Types].xml and the part folder of that kind
 * (word/, xl/, ppt/). ZIP entry names are read from the central directory at the end of the file; no
 * decompression, so this is cheap even at 10 MB.
 */
export interface FileType {
  readonly extension: string;
  readonly contentType: string;
}

const TYPES: Record<string, { contentType: string; matches: (b: Buffer) => boolean }> = {
  '.pdf': { contentType: 'application/pdf', matches: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]) },
  '.png': { contentType: 'image/png', matches: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  '.jpg': { contentType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  '.jpeg': { contentType: 'image/jpeg', matches: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  '.doc': { contentType: 'application/msword', matches: isOle },
  '.xls': { contentType: 'application/vnd.ms-excel', matches: isOle },
  '.ppt': { contentType: 'application/vnd.ms-powerpoint', matches: isOle },
  '.docx': { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', matches: (b) => isOoxml(b, 'word/') },
  '.xlsx': { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', matches: (b) => isOoxml(b, 'xl/') },
  '.pptx': { contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', matches: (b) => isOoxml(b, 'ppt/') },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot).toLowerCase();
}

/** The type of an allowed file whose content matches its extension, or undefined. */
export function checkFileType(filename: string, content: Buffer): FileType | undefined {
  const extension = extensionOf(filename);
  const type = TYPES[extension];
  return type && type.matches(content) ? { extension, contentType: type.contentType } : undefined;
}

function startsWith(b: Buffer, bytes: readonly number[]): boolean {
  return b.length >= bytes.length && bytes.every((x, i) => b[i] === x);
}

function isOle(b: Buffer): boolean {
  return startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
}

function isOoxml(b: Buffer, partFolder: string): boolean {
  if (!startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return false;
  const names = zipEntryNames(b);
  return names.includes('[Content_Types].xml') && names.some((n) => n.startsWith(partFolder));
}

/** Entry names from the ZIP central directory (end-of-central-directory record, then one header per entry). */
export function zipEntryNames(b: Buffer): string[] {
  const EOCD = 0x06054b50;
  const CDH = 0x02014b50;
  // The EOCD record is 22 bytes plus a comment of up to 65,535 bytes at the very end.
  const earliest = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= earliest; i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return [];
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CDH) return names;
    const nameLength = b.readUInt16LE(at + 28);
    const extraLength = b.readUInt16LE(at + 30);
    const commentLength = b.readUInt16LE(at + 32);
    if (at + 46 + nameLength > b.length) return names;
    names.push(b.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}
