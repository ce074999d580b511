/**
 * The preview page's entry: an empty in-browser workbook, the grid and the task pane. Development only (served by
 * the dev server, built for the end-to-end test); HyperFormula's GPL-3.0 licence keeps it out of the production
 * add-in. The pane's language follows `?lang=` (as Office's display language would), Thai when absent.
 *
 * `window.scorebookPreview` exposes the workbook to the end-to-end test, which reads the sheet's own
 * `ScorebookTotal` from it to compare with the pane and the CLI. `?layout=pane`: the pane alone, as the whole page.
 */
import { createRoot } from 'react-dom/client';
import { PreviewApp } from './PreviewApp';
import { PreviewWorkbook } from './previewWorkbook';

declare global {
  interface Window {
    scorebookPreview?: PreviewWorkbook;
  }
}

export function mountPreview(element: HTMLElement, displayLanguage = 'th-TH', paneOnly = false): PreviewWorkbook {
  const workbook = new PreviewWorkbook();
  window.scorebookPreview = workbook;
  createRoot(element).render(<PreviewApp workbook={workbook} displayLanguage={displayLanguage} paneOnly={paneOnly} />);
  return workbook;
}

const root = typeof document !== 'undefined' ? document.getElementById('root') : null;
const query = typeof window !== 'undefined' ? new URLSearchParams(window.location.search) : undefined;
if (root) mountPreview(root, query?.get('lang') ?? 'th-TH', query?.get('layout') === 'pane');
