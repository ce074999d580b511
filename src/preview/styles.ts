/** The preview page's layout and the grid's look: close enough to Excel that a screenshot reads like a sheet. */
export const PREVIEW_CSS = `
html, body, #root { height: 100%; margin: 0; }
body { font-family: "Segoe UI", "Leelawadee UI", "Noto Sans Thai", Loma, Garuda, Tahoma, sans-serif; font-size: 13px; color: #201f1e; }
.pv-page { display: flex; flex-direction: column; height: 100vh; }
.pv-banner { background: #217346; color: #fff; padding: 4px 12px; font-size: 12px; }
.pv-main { flex: 1; display: flex; min-height: 0; }
.pv-grid { flex: 1; display: flex; flex-direction: column; min-width: 0; border-right: 1px solid #c8c6c4; }
.pv-pane { width: 380px; flex: none; overflow-y: auto; background: #fff; }
.pv-formula-bar { display: flex; align-items: center; gap: 8px; padding: 4px 8px; border-bottom: 1px solid #e1dfdd; min-height: 24px; }
.pv-name-box { width: 72px; border: 1px solid #c8c6c4; padding: 2px 4px; font-family: Consolas, monospace; }
.pv-fx { color: #605e5c; font-style: italic; }
.pv-formula { flex: 1; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; font-family: Consolas, "Noto Sans Thai", monospace; }
.pv-body { flex: 1; overflow: auto; outline: none; position: relative; }
.pv-table { border-collapse: collapse; table-layout: fixed; }
.pv-table th, .pv-table td { border: 1px solid #e1dfdd; padding: 0 4px; height: 23px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.pv-head, .pv-rownum, .pv-corner { background: #f3f2f1; color: #605e5c; font-weight: 400; text-align: center; position: sticky; }
.pv-head, .pv-corner { top: 0; z-index: 2; }
.pv-rownum { left: 0; z-index: 1; }
.pv-corner { left: 0; z-index: 3; }
.pv-head-on { background: #d2d0ce; color: #201f1e; }
.pv-cell { background: #fff; cursor: cell; }
.pv-number { text-align: right; font-variant-numeric: tabular-nums; }
.pv-selected { outline: 2px solid #217346; outline-offset: -2px; }
.pv-editing { padding: 0 !important; outline: 2px solid #217346; outline-offset: -2px; }
.pv-editor { width: 100%; height: 100%; border: none; padding: 0 4px; font: inherit; box-sizing: border-box; outline: none; }
.pv-charts { display: flex; gap: 8px; padding: 6px 8px; border-top: 1px solid #c8c6c4; overflow-x: auto; flex: none; background: #faf9f8; }
.pv-chart { margin: 0; background: #fff; border: 1px solid #e1dfdd; }
.pv-chart figcaption { font-size: 10px; color: #605e5c; padding: 0 6px 4px; }
.pv-tabs { display: flex; gap: 2px; padding: 2px 8px; border-top: 1px solid #c8c6c4; background: #f3f2f1; }
.pv-tab { border: none; background: transparent; padding: 4px 12px; font: inherit; cursor: pointer; }
.pv-tab-on { background: #fff; color: #217346; font-weight: 600; border-bottom: 2px solid #217346; }
`;
