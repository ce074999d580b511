/**
 * The report's fonts in the pane: webpack emits the same @fontsource WOFF files as assets beside the bundle
 * (`asset/resource`), and they are fetched when the first report is made, once per pane. No node:fs here.
 */
import sarabunLatin400 from '@fontsource/sarabun/files/sarabun-latin-400-normal.woff';
import sarabunLatin700 from '@fontsource/sarabun/files/sarabun-latin-700-normal.woff';
import sarabunLatinExt400 from '@fontsource/sarabun/files/sarabun-latin-ext-400-normal.woff';
import sarabunLatinExt700 from '@fontsource/sarabun/files/sarabun-latin-ext-700-normal.woff';
import sarabunThai400 from '@fontsource/sarabun/files/sarabun-thai-400-normal.woff';
import sarabunThai700 from '@fontsource/sarabun/files/sarabun-thai-700-normal.woff';
import symbols400 from '@fontsource/noto-sans-symbols-2/files/noto-sans-symbols-2-symbols-400-normal.woff';
import { loadReportFonts, type FontFace, type ReportFonts } from './fontFaces';

const URLS: Readonly<Record<string, string>> = {
  'sarabun-latin-400-normal.woff': sarabunLatin400,
  'sarabun-latin-700-normal.woff': sarabunLatin700,
  'sarabun-latin-ext-400-normal.woff': sarabunLatinExt400,
  'sarabun-latin-ext-700-normal.woff': sarabunLatinExt700,
  'sarabun-thai-400-normal.woff': sarabunThai400,
  'sarabun-thai-700-normal.woff': sarabunThai700,
  'noto-sans-symbols-2-symbols-400-normal.woff': symbols400,
};

async function fetchFace(face: FontFace): Promise<Uint8Array> {
  const url = URLS[face.file];
  if (url === undefined) throw new Error(`no asset for the font file ${face.file}`);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`the font ${face.file} could not be loaded (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

let loaded: Promise<ReportFonts> | undefined;

export function browserReportFonts(): Promise<ReportFonts> {
  loaded ??= loadReportFonts(fetchFace).catch((e: unknown) => {
    loaded = undefined; // a failed fetch (the network) is tried again next time
    throw e;
  });
  return loaded;
}
