/**
 * Builds the browser preview (src/preview/main.tsx, the task pane and HyperFormula) into one development bundle with
 * its page, for the end-to-end test and for anyone who wants the preview without the dev server:
 * `npx tsx test/e2e/buildPreview.ts [outdir]`, then serve the folder. Never part of the production add-in.
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

export async function buildPreview(outdir: string): Promise<void> {
  mkdirSync(outdir, { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'src', 'preview', 'main.tsx')],
    bundle: true,
    outfile: join(outdir, 'preview.js'),
    platform: 'browser',
    format: 'iife',
    jsx: 'automatic',
    sourcemap: true,
    target: 'es2020',
    // pdfkit's browser build locates its ICC profile with `new URL(…, import.meta.url)` when loaded; an iife has no
    // import.meta, so the page's own address stands in (webpack emits the file as an asset for the add-in).
    define: { 'process.env.NODE_ENV': '"development"', 'import.meta.url': 'document.baseURI' },
    // The report's fonts (src/documents/browserFonts.ts) as files beside preview.js, fetched by URL as in the add-in.
    loader: { '.woff': 'file' },
    assetNames: 'fonts/[name]-[hash]',
    publicPath: './',
    logLevel: 'warning',
  });
  copyFileSync(join(ROOT, 'src', 'preview', 'index.html'), join(outdir, 'index.html'));
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? join(ROOT, 'test-artifacts', 'preview-site'));
  buildPreview(out).then(
    () => console.log(`preview built in ${out}`),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
