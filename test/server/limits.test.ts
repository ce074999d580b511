/** The limits `scorebook serve` takes from its environment. */
import { limitsFromEnv } from '../../src/server/start';

test('SCOREBOOK_WRITES_PER_MINUTE and SCOREBOOK_AUDIT_PAGE_BYTES: unset keeps the defaults, off or 0 turns the write limit off, garbage is said', () => {
  expect(limitsFromEnv({})).toEqual({});
  expect(limitsFromEnv({ SCOREBOOK_WRITES_PER_MINUTE: '600', SCOREBOOK_AUDIT_PAGE_BYTES: '1048576' })).toEqual({
    writesPerMinutePerUser: 600,
    auditPageBytes: 1_048_576,
  });
  expect(limitsFromEnv({ SCOREBOOK_WRITES_PER_MINUTE: 'off' })).toEqual({ writesPerMinutePerUser: false });
  expect(limitsFromEnv({ SCOREBOOK_WRITES_PER_MINUTE: '0' })).toEqual({ writesPerMinutePerUser: false });
  expect(() => limitsFromEnv({ SCOREBOOK_WRITES_PER_MINUTE: 'lots' })).toThrow(/SCOREBOOK_WRITES_PER_MINUTE must be a whole number/);
});
