/**
 * The settings of `scorebook serve` read from its environment (the ones about sign-in, proxies, approvals and
 * attachments; the database is `db/connect.ts`'s). Each refuses a value it cannot use with a message saying
 * what it expects, rather than guessing.
 */
import { isIP } from 'node:net';
import type { DatabaseTarget } from './db/connect';
import type { AppOptions } from './options';

/**
 * Whom to believe about the client's address. `SCOREBOOK_TRUST_PROXY=1` (or any number): that many proxies in
 * front, so the client is the address the nearest proxy appended to `X-Forwarded-For`, and whatever the client
 * wrote there itself is ignored. Or the proxies' own addresses / CIDR ranges (`127.0.0.1`, `10.0.0.0/8,::1`):
 * `X-Forwarded-For` is read only from them, back to the first address that is not one of them. Never "trust
 * everything": with that, any client names its own address and walks past every per-address limit.
 */
export function trustProxyFrom(env: NodeJS.ProcessEnv): false | number | string[] {
  const value = env.SCOREBOOK_TRUST_PROXY?.trim() ?? '';
  if (value === '' || value === '0') return false;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0) {
    throw new Error(
      `SCOREBOOK_TRUST_PROXY=${value}: give the number of proxies in front (1 for one load balancer) or their addresses ` +
        `(e.g. 127.0.0.1 or 10.0.0.0/8); "${bad.join(', ')}" is neither, and trusting every client's X-Forwarded-For is not offered`,
    );
  }
  return entries;
}

function isAddressOrRange(s: string): boolean {
  const [address, bits, more] = s.split('/');
  if (more !== undefined || address === undefined) return false;
  const version = isIP(address);
  if (version === 0) return false;
  if (bits === undefined) return true;
  return /^\d+$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * `SCOREBOOK_RATE_LIMIT_PER_MINUTE`: requests a minute per signed-in user, and per client address for requests
 * without a session (auth/requestLimit.ts); `0` or `off`: no limit; unset: the default (1,200).
 */
export function rateLimitFrom(env: NodeJS.ProcessEnv): Pick<AppOptions, 'rateLimitPerMinute'> {
  const raw = env.SCOREBOOK_RATE_LIMIT_PER_MINUTE?.trim() ?? '';
  if (raw === '') return {};
  if (/^(0|off)$/i.test(raw)) return { rateLimitPerMinute: false };
  if (!/^\d+$/.test(raw))
    throw new Error(`SCOREBOOK_RATE_LIMIT_PER_MINUTE=${raw}: expected a whole number of requests a minute (0 or off: no limit)`);
  return { rateLimitPerMinute: Number(raw) };
}

/** Off only when said so: `SCOREBOOK_SEPARATION_OF_DUTIES=off` (or 0, false, no). */
export function separationOfDutiesFrom(env: NodeJS.ProcessEnv): boolean {
  return !/^(off|0|false|no)$/i.test(env.SCOREBOOK_SEPARATION_OF_DUTIES?.trim() ?? '');
}

function positive(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}=${raw}: expected a positive number`);
  return n;
}

/**
 * Where attachment bytes go and how many a row and a unit may hold. `SCOREBOOK_FILES=DIR` puts them in a file
 * store in DIR; without it, the embedded database keeps them in `<data>-files` beside its folder, and
 * PostgreSQL in the database (bytea: every instance serves every file without a shared disk).
 */
export function attachmentSettingsFrom(
  env: NodeJS.ProcessEnv,
  target: DatabaseTarget,
): Pick<AppOptions, 'attachmentFiles' | 'attachmentQuota'> {
  const dir = env.SCOREBOOK_FILES?.trim();
  const attachmentFiles = dir ? dir : target.kind === 'embedded' ? `${target.dataDir.replace(/[\\/]+$/, '')}-files` : undefined;
  const files = positive(env, 'SCOREBOOK_ATTACHMENTS_PER_ROW');
  const rowMb = positive(env, 'SCOREBOOK_ATTACHMENT_MB_PER_ROW');
  const unitMb = positive(env, 'SCOREBOOK_ATTACHMENT_MB_PER_UNIT');
  const MB = 1024 * 1024;
  return {
    attachmentFiles,
    attachmentQuota: {
      ...(files === undefined ? {} : { filesPerRow: Math.floor(files) }),
      ...(rowMb === undefined ? {} : { bytesPerRow: Math.floor(rowMb * MB) }),
      ...(unitMb === undefined ? {} : { bytesPerUnit: Math.floor(unitMb * MB) }),
    },
  };
}
