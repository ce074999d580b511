/**
 * "Report (PDF)" and "Report (Word)": the round's report document (รายงานผลการดำเนินงานตามตัวชี้วัด). A sheet linked
 * to a server round, with the person signed in to that server, gets the server's report, drawn from the rows stored
 * there (approvals, evidence files); any other sheet gets one built here from the sheet as read, by the same engine
 * (src/documents, loaded on demand). Either way the file is saved as a download.
 */
import { Button, Checkbox, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { reportFileName } from '../../api/reportFileName';
import type { Locale } from '../../domain';
import type { WorkbookPort } from '../../workbook/port';
import { useAction } from '../hooks/useAction';
import { useLocale } from '../i18n';
import { readSheetReport } from '../model/sheetReport';
import type { Session } from '../model/session';
import { usePaneStore } from '../paneStore';
import { makeReport, saveFile } from '../reportDownload';
import { reportDone, useReportStrings } from '../reportStrings';
import type { Connection } from './ServerPanel';
import { StatusBar } from './StatusBar';

type Format = 'pdf' | 'docx';

export function ReportButtons({
  port,
  session,
  now = () => new Date(),
}: {
  port: WorkbookPort;
  session: Session;
  now?: () => Date;
}): JSX.Element {
  const r = useReportStrings();
  const { locale } = useLocale();
  const store = usePaneStore();
  const action = useAction();
  const [thaiDigits, setThaiDigits] = useState(false);

  const make = (format: Format): void => {
    void action.run(async () => {
      const sheet = await readSheetReport(port, session, { locale: locale as Locale, thaiDigits, generatedAt: now().toISOString() });
      const connection = store.get<Connection>('server.connection');
      const { target } = sheet;
      const sameServer = sheet.baseUrl === undefined || connection?.baseUrl === sheet.baseUrl;
      if (target && connection?.session && connection.client?.downloadReport && sameServer) {
        const file = await connection.client.downloadReport(target, format, { lang: locale as Locale, thaiDigits });
        saveFile(file.data, file.filename);
        return reportDone.fromServer(file.filename, connection.baseUrl);
      }
      const { assessment, resultSet, unitId } = sheet.input;
      // Named as the server names the same report.
      const filename = reportFileName(assessment.id, resultSet.round, unitId, format);
      saveFile(await makeReport(sheet.input, format), filename);
      return target ? reportDone.fromSheetNotSignedIn(filename) : reportDone.fromSheet(filename);
    });
  };

  return (
    <section className="sb-stack" aria-label={r.heading} data-testid="report-buttons">
      <Text weight="semibold">{r.heading}</Text>
      <Text size={200}>{r.intro}</Text>
      <div className="sb-row">
        <Button appearance="primary" onClick={() => make('pdf')} disabled={action.running}>
          {r.pdf}
        </Button>
        <Button onClick={() => make('docx')} disabled={action.running}>
          {r.docx}
        </Button>
        <Checkbox label={r.thaiDigits} checked={thaiDigits} onChange={(_, d) => setThaiDigits(d.checked === true)} />
      </div>
      <StatusBar state={action} working={r.working} onDismiss={action.dismiss} />
    </section>
  );
}
