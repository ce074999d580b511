/**
 * The preview page: the in-browser workbook's grid on the left, the real task pane on the right, both on the same
 * PreviewWorkbook. The pane gets it as its workbook port and does not know it is not Excel.
 */
import { App } from '../taskpane/App';
import { Grid } from './Grid';
import type { PreviewWorkbook } from './previewWorkbook';
import { PREVIEW_CSS } from './styles';

/**
 * `paneOnly`: the pane alone as the whole page, as Excel gives it its own document (320–350 px wide): how the
 * narrow-pane end-to-end test and a designer look at it. The workbook is still there, without its grid.
 */
export function PreviewApp({
  workbook,
  displayLanguage,
  paneOnly = false,
}: {
  workbook: PreviewWorkbook;
  displayLanguage: string;
  paneOnly?: boolean;
}): JSX.Element {
  if (paneOnly) {
    return <App port={workbook} displayLanguage={displayLanguage} listSheets={async () => workbook.visibleSheets()} />;
  }
  return (
    <div className="pv-page">
      <style>{PREVIEW_CSS}</style>
      <div className="pv-banner">
        Scorebook · ตัวอย่างในเบราว์เซอร์ (browser preview) — สมุดงานจำลองบน HyperFormula ไม่ใช่ Excel / an in-browser workbook, not Excel
      </div>
      <div className="pv-main">
        <Grid workbook={workbook} />
        <aside className="pv-pane" aria-label="Scorebook">
          <App port={workbook} displayLanguage={displayLanguage} listSheets={async () => workbook.visibleSheets()} />
        </aside>
      </div>
    </div>
  );
}
