/**
 * The preview page: the in-browser workbook's grid on the left, the real task pane on the right, both on the same
 * PreviewWorkbook. The pane gets it as its workbook port and does not know it is not Excel.
 */
import { App } from '../taskpane/App';
import { Grid } from './Grid';
import type { PreviewWorkbook } from './previewWorkbook';
import { PREVIEW_CSS } from './styles';

export function PreviewApp({ workbook, displayLanguage }: { workbook: PreviewWorkbook; displayLanguage: string }): JSX.Element {
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
