/** The settings `scorebook serve` reads from its environment, through `startServer` as the command runs it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../src/server/start';
import { attachmentSettingsFrom, separationOfDutiesFrom, trustProxyFrom } from '../../src/server/settings';
import { unpackTemplate } from './dbTemplate';

jest.mock('cookie', () => ({
  stringifySetCookie: () => {
    throw new Error('no cookies');
  },
}));
jest.setTimeout(120_000);

describe('SCOREBOOK_TRUST_PROXY', () => {
  test('a number is a hop count, addresses and ranges are the proxies; "trust everything" is refused', () => {
    expect(trustProxyFrom({})).toBe(false);
    expect(trustProxyFrom({ SCOREBOOK_TRUST_PROXY: '1' })).toBe(1);
    expect(trustProxyFrom({ SCOREBOOK_TRUST_PROXY: '2' })).toBe(2);
    expect(trustProxyFrom({ SCOREBOOK_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' })).toEqual(['127.0.0.1', '10.0.0.0/8', '::1']);
    expect(() => trustProxyFrom({ SCOREBOOK_TRUST_PROXY: 'true' })).toThrow(/number of proxies.*addresses/);
    expect(() => trustProxyFrom({ SCOREBOOK_TRUST_PROXY: '10.0.0.0/99' })).toThrow(/10\.0\.0\.0\/99/);
  });

  test('with SCOREBOOK_TRUST_PROXY=1 a client that writes its own X-Forwarded-For is still counted at its real address', async () => {
    const dataDir = unpackTemplate(mkdtempSync(join(tmpdir(), 'scorebook-proxy-')));
    const started = await startServer({ dataDir, demo: false, samplesDir: '', env: { SCOREBOOK_TRUST_PROXY: '1' } });
    try {
      // Twelve sign-ins at once through the proxy (10.0.0.2), each client claiming another address in front of
      // the one the proxy saw and appended. Counted at that one real address, they overflow its share of the
      // hashing line (4); had the claimed addresses been believed, each would have had a share of its own.
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          started.app.inject({
            method: 'POST',
            url: '/api/v1/sessions',
            payload: { username: `guess${i}`, password: 'x' },
            remoteAddress: '10.0.0.2',
            headers: { 'x-forwarded-for': `203.0.113.${i}, 198.51.100.7` },
          }),
        ),
      );
      const statuses = answers.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([401, 401, 401, 401, 503, 503, 503, 503, 503, 503, 503, 503]);
    } finally {
      await started.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('other settings', () => {
  test('separation of duties is on unless turned off', () => {
    expect(separationOfDutiesFrom({})).toBe(true);
    expect(separationOfDutiesFrom({ SCOREBOOK_SEPARATION_OF_DUTIES: 'off' })).toBe(false);
  });

  test('attachments: a file store beside the embedded database, in the database on PostgreSQL unless SCOREBOOK_FILES; quotas in MB', () => {
    expect(attachmentSettingsFrom({}, { kind: 'embedded', dataDir: '/srv/data/' }).attachmentFiles).toBe('/srv/data-files');
    expect(attachmentSettingsFrom({}, { kind: 'postgres', url: 'postgres://x' }).attachmentFiles).toBeUndefined();
    expect(attachmentSettingsFrom({ SCOREBOOK_FILES: '/shared/files' }, { kind: 'postgres', url: 'postgres://x' }).attachmentFiles).toBe(
      '/shared/files',
    );
    expect(
      attachmentSettingsFrom({ SCOREBOOK_ATTACHMENTS_PER_ROW: '5', SCOREBOOK_ATTACHMENT_MB_PER_UNIT: '2' }, { kind: 'memory' })
        .attachmentQuota,
    ).toEqual({ filesPerRow: 5, bytesPerUnit: 2 * 1024 * 1024 });
    expect(() => attachmentSettingsFrom({ SCOREBOOK_ATTACHMENT_MB_PER_ROW: 'lots' }, { kind: 'memory' })).toThrow(/positive number/);
  });
});
