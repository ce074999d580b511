/**
 * A fake reporting API behind a fake `fetch`: it keeps rows and idempotency answers as the real server does
 * (a key's answer is replayed, never applied twice), and a script of faults to play on the next requests:
 * lose the request, lose the answer after applying it, hang until the client gives up, answer 5xx, deliver the
 * request twice, or refuse it with a 4xx.
 */
import type { BatchBody, BatchResponse, BatchResult } from '../../src/api';

export type Fault =
  | 'ok'
  /** The request never reaches the server. */
  | 'drop-request'
  /** The server applies it; the answer is lost on the way back. */
  | 'drop-response'
  /** No answer until the client aborts. */
  | 'hang'
  /** The network delivers the request twice; the client hears the second answer. */
  | 'duplicate'
  | { status: number; code?: string; body?: unknown };

export interface SeenRequest {
  readonly method: string;
  readonly url: string;
  readonly key: string | undefined;
  readonly authorization: string | undefined;
  readonly rows: number;
  /** Keys the pending store held when the request left (filled by the test's hook). */
  pendingAtSend?: string[];
}

export class FakeServer {
  /** indicatorId → version and value as stored. */
  readonly rows = new Map<string, { version: number; value: unknown; writes: number }>();
  readonly answers = new Map<string, BatchResponse>();
  readonly requests: SeenRequest[] = [];
  private faults: Fault[] = [];
  /** Faults for every request once the script is used up (e.g. the server stays down). */
  defaultFault: Fault = 'ok';
  validTokens = new Set(['t1']);
  onRequest?: (r: SeenRequest) => Promise<void> | void;

  script(...faults: Fault[]): this {
    this.faults.push(...faults);
    return this;
  }

  /** How many times a row was written: 1 for a row stored once however often its batch was sent. */
  writes(indicatorId: string): number {
    return this.rows.get(indicatorId)?.writes ?? 0;
  }

  readonly fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    const body = init.body ? (JSON.parse(String(init.body)) as BatchBody) : undefined;
    const seen: SeenRequest = {
      method: init.method ?? 'GET',
      url,
      key: headers.get('idempotency-key') ?? undefined,
      authorization: headers.get('authorization') ?? undefined,
      rows: body?.rows?.length ?? 0,
    };
    this.requests.push(seen);
    await this.onRequest?.(seen);
    const fault = this.faults.shift() ?? this.defaultFault;
    if (fault === 'drop-request') throw new TypeError('fetch failed');
    if (fault === 'hang') {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (typeof fault === 'object') {
      const payload = fault.body ?? {
        error: { code: fault.code ?? 'internal', message: `failed with ${fault.status}`, messageTh: `ล้มเหลว ${fault.status}` },
      };
      return json(fault.status, payload);
    }
    if (!seen.authorization || !this.validTokens.has(seen.authorization.replace(/^Bearer /, ''))) {
      return json(401, { error: { code: 'unauthenticated', message: 'the session has expired', messageTh: 'หมดอายุการเข้าสู่ระบบ' } });
    }
    if (fault === 'duplicate') this.apply(seen.key, body);
    const answer = this.apply(seen.key, body);
    if (fault === 'drop-response') throw new TypeError('fetch failed: socket hang up');
    return json(200, answer);
  };

  private apply(key: string | undefined, body: BatchBody | undefined): BatchResponse {
    if (!key || !body) throw new Error('the fake serves only batches');
    const prior = this.answers.get(key);
    if (prior) return prior;
    const results: BatchResult[] = body.rows.map((r) => {
      const stored = this.rows.get(r.indicatorId);
      const version = stored?.version ?? 0;
      if (r.baseVersion !== version) {
        return {
          indicatorId: r.indicatorId,
          outcome: 'conflict',
          current: { value: stored?.value as never, status: 'draft', version, updatedBy: 'other', updatedAt: '2024-03-25T03:00:00Z' },
        };
      }
      this.rows.set(r.indicatorId, { version: version + 1, value: r.value, writes: (stored?.writes ?? 0) + 1 });
      return { indicatorId: r.indicatorId, outcome: 'accepted', version: version + 1 };
    });
    const answer = { results };
    this.answers.set(key, answer);
    return answer;
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export const session = (token = 't1') => ({
  token,
  expiresAt: '2099-01-01T00:00:00Z',
  user: { username: 'pte.reporter', name: 'ผู้รายงาน', roles: ['reporter' as const], units: ['pte'] },
});

export const rows = (n: number, from = 1): BatchBody['rows'] =>
  Array.from({ length: n }, (_, i) => ({ indicatorId: String(from + i), value: 100 + i, baseVersion: 0 }));
