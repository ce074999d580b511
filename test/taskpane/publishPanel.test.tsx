/** @jest-environment jsdom */
/**
 * Publishing definitions from the pane: the diff against the server's version before anything is sent, a
 * confirmation, the PUT, and the server's answer (created / updated, its version, warnings or errors with their
 * JSON paths, in Thai and English); nothing is sent when the server moved after the comparison.
 */
import './jsdomShims';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ApiAssessmentDocument, ApiIssue } from '../../src/api';
import { ApiError } from '../../src/api/clientError';
import type { Locale } from '../../src/domain';
import { PublishPanel, type DefinitionsSource } from '../../src/taskpane/components/PublishPanel';
import { LocaleProvider } from '../../src/taskpane/i18n';
import { loadAssessment } from '../../src/taskpane/model/loadAssessment';
import { sample } from './sheetGrid';

jest.setTimeout(30_000);

type Doc = ApiAssessmentDocument & { indicators: Record<string, unknown>[] };
const pte = sample('pte-2567').document as Doc;
const copy = (): Doc => JSON.parse(JSON.stringify(pte)) as Doc;

function changed(): Doc {
  const next = copy();
  next.indicators[0]!.targets = [91, 95, 100];
  next.indicators[1]!.targets = [85, 90, 96];
  next.indicators[2]!.targets = [9, 10, 12];
  next.indicators.push({ id: '12', name: 'ตัวชี้วัดใหม่', weight: 0, kind: 'quantitative', targets: [1, 2, 3] });
  return next;
}

class FakeClient {
  gets = 0;
  puts: { aid: string; document: unknown }[] = [];
  constructor(
    public server: Doc | undefined,
    readonly answer: (
      doc: unknown,
    ) => Promise<{ assessment: ApiAssessmentDocument; created?: boolean; version?: number; issues: ApiIssue[] }> = async (doc) => ({
      assessment: doc as ApiAssessmentDocument,
      created: false,
      version: 2,
      issues: [],
    }),
  ) {}
  async getAssessment(aid: string): Promise<ApiAssessmentDocument> {
    this.gets++;
    if (!this.server) throw new ApiError('assessment_not_found', { th: 'ไม่พบ', en: `no ${aid}` }, 404);
    return this.server;
  }
  async putAssessment(aid: string, document: unknown) {
    this.puts.push({ aid, document });
    return this.answer(document);
  }
}

function show(client: FakeClient, locale: Locale = 'en', source?: DefinitionsSource) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LocaleProvider locale={locale}>
        <PublishPanel client={client} definitionsSource={source} />
      </LocaleProvider>
    </FluentProvider>,
  );
}

const file = (doc: unknown, name = 'pte-2567.json'): File => new File([JSON.stringify(doc)], name, { type: 'application/json' });

test('the diff is shown before anything is sent; confirmed, the PUT goes and "published" follows the answer', async () => {
  const user = userEvent.setup();
  const client = new FakeClient(copy());
  show(client);
  await user.upload(screen.getByTestId('publish-file'), file(changed()));
  expect((await screen.findByTestId('publish-summary')).textContent).toContain('3 indicators changed targets, 1 added');
  expect(screen.getByTestId('publish-changes').textContent).toContain('1: targets 90 / 95 / 100 → 91 / 95 / 100');
  expect(screen.getByTestId('publish-changes').textContent).toContain('added 12 ตัวชี้วัดใหม่');
  expect(client.puts).toEqual([]);
  await user.click(screen.getByRole('button', { name: 'Publish…' }));
  expect(screen.getByRole('group', { name: 'Confirm publishing' }).textContent).toContain('to 2 units');
  expect(client.puts).toEqual([]);
  expect(screen.queryByTestId('publish-done')).toBeNull();
  await user.click(screen.getByRole('button', { name: 'Publish now' }));
  expect((await screen.findByTestId('publish-done')).textContent).toContain('Published: pte-2567 updated on the server, version 2');
  expect(client.puts).toEqual([{ aid: 'pte-2567', document: changed() }]);
});

test('in Thai: the summary, and a document the server refuses lists each error with its JSON path', async () => {
  const user = userEvent.setup();
  const refusal = new ApiError('invalid_assessment', { th: 'มีข้อผิดพลาด', en: 'has errors' }, 400, {
    issues: [
      {
        code: 'targets-not-monotonic',
        severity: 'error',
        path: 'indicators[0].targets',
        message: { th: 'ค่าเป้าหมายต้องเรียงจากน้อยไปมาก', en: 'targets must rise' },
      },
    ],
  });
  const client = new FakeClient(copy(), () => Promise.reject(refusal));
  show(client, 'th');
  await user.upload(screen.getByTestId('publish-file'), file(changed()));
  expect((await screen.findByTestId('publish-summary')).textContent).toContain('ตัวชี้วัด 3 ตัวเปลี่ยนค่าเป้าหมาย เพิ่ม 1 ตัว');
  await user.click(screen.getByRole('button', { name: 'เผยแพร่…' }));
  await user.click(screen.getByRole('button', { name: 'ยืนยันเผยแพร่' }));
  const refused = await screen.findByTestId('publish-refused');
  expect(refused.textContent).toContain('เซิร์ฟเวอร์ไม่รับชุดตัวชี้วัดนี้: ข้อผิดพลาด 1 รายการ');
  expect(refused.textContent).toContain('indicators[0].targets: ค่าเป้าหมายต้องเรียงจากน้อยไปมาก');
  expect(screen.queryByTestId('publish-done')).toBeNull();
});

test('the server moved after the comparison: nothing is sent, the new comparison is shown', async () => {
  const user = userEvent.setup();
  const client = new FakeClient(copy());
  show(client);
  await user.upload(screen.getByTestId('publish-file'), file(changed()));
  await screen.findByTestId('publish-summary');
  await user.click(screen.getByRole('button', { name: 'Publish…' }));
  // Someone else publishes the same targets meanwhile, so only the added indicator is left.
  const theirs = changed();
  theirs.indicators.pop();
  client.server = theirs;
  await user.click(screen.getByRole('button', { name: 'Publish now' }));
  expect(await screen.findByText(/someone else published/)).toBeTruthy();
  expect(client.puts).toEqual([]);
  expect(screen.getByTestId('publish-summary').textContent).toContain('1 indicator added');
});

test('a new id says it will be created; the server answers 201 as created', async () => {
  const user = userEvent.setup();
  const client = new FakeClient(undefined, async (doc) => ({
    assessment: doc as ApiAssessmentDocument,
    created: true,
    version: 1,
    issues: [],
  }));
  show(client);
  await user.upload(screen.getByTestId('publish-file'), file(copy()));
  expect(await screen.findByText('The server has no assessment pte-2567 yet: publishing creates it')).toBeTruthy();
  await user.click(screen.getByRole('button', { name: 'Publish…' }));
  await user.click(screen.getByRole('button', { name: 'Publish now' }));
  expect((await screen.findByTestId('publish-done')).textContent).toContain('pte-2567 created on the server, version 1');
});

test('nothing changed: publish is off; a file with errors lists them at their paths and asks the server nothing', async () => {
  const user = userEvent.setup();
  const client = new FakeClient(copy());
  show(client);
  await user.upload(screen.getByTestId('publish-file'), file(copy()));
  expect(await screen.findByText('Nothing to publish: the server already has these definitions')).toBeTruthy();
  expect((screen.getByRole('button', { name: 'Publish…' }) as HTMLButtonElement).disabled).toBe(true);
  const gets = client.gets;
  const bad = copy();
  bad.indicators[0]!.weight = 'สิบ';
  await user.upload(screen.getByTestId('publish-file'), file(bad, 'bad.json'));
  expect(await screen.findByText(/cannot be published/)).toBeTruthy();
  expect(screen.getByText(/indicators\[0\]\.weight/)).toBeTruthy();
  expect(client.gets).toBe(gets);
  expect(screen.queryByTestId('publish-diff')).toBeNull();
});

test('the definitions sheet, through its seam, is read like a file', async () => {
  const user = userEvent.setup();
  const client = new FakeClient(copy());
  const read = jest.fn(async () => loadAssessment(changed(), 'ชีตนิยาม'));
  show(client, 'en', { label: { th: 'ชีตนิยามตัวชี้วัด', en: 'the definitions sheet' }, read });
  await user.click(screen.getByRole('button', { name: 'Read from the definitions sheet' }));
  expect((await screen.findByTestId('publish-summary')).textContent).toContain('3 indicators changed targets, 1 added');
  expect(read).toHaveBeenCalledTimes(1);
});
