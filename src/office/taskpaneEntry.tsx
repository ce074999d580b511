/**
 * The task pane page inside Excel: waits for Office, makes the Office.js port and mounts the pane with it. Opened
 * outside Excel (a plain browser tab) it says where to go instead: Excel, or the browser preview in development.
 */
import { mountTaskpane } from '../taskpane';
import { officeDisplayLanguage, officeWorkbookPort } from './host';

async function start(): Promise<void> {
  const root = document.getElementById('root') as HTMLElement;
  const port = await officeWorkbookPort().catch(() => undefined);
  if (port) {
    mountTaskpane(root, { port, displayLanguage: officeDisplayLanguage(), listSheets: () => port.listSheets() });
    return;
  }
  root.innerHTML = `
    <div style="font-family: 'Segoe UI', Tahoma, sans-serif; padding: 16px; line-height: 1.5">
      <h2>Scorebook</h2>
      <p>หน้านี้ทำงานใน Excel: เปิด Excel แล้วกดปุ่ม Scorebook ที่แท็บหน้าแรก (ต้องใช้ Excel ที่รองรับ ExcelApi 1.8 ขึ้นไป)</p>
      <p>This page runs inside Excel: open Excel and press Scorebook on the Home tab (Excel with ExcelApi 1.8 or later).</p>
      <p><a href="preview.html">ตัวอย่างในเบราว์เซอร์ / Browser preview</a> (development server only)</p>
    </div>`;
}

void start();
