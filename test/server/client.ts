/** Small helpers to call the API in tests the way the add-in will. */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { ReportRow } from '../../src/api';
import type { Harness } from './harness';
import { AID } from './fixtures';

export const reportsUrl = (round = 6, unit = 'pte', aid = AID) => `/api/v1/assessments/${aid}/rounds/${round}/units/${unit}/reports`;
export const scoresUrl = (round = 6, unit = 'pte', aid = AID) => `/api/v1/assessments/${aid}/rounds/${round}/units/${unit}/scores`;

export async function as(h: Harness, username: string | null): Promise<Record<string, string>> {
  return username === null ? {} : { authorization: `Bearer ${await h.token(username)}` };
}

export interface BatchOptions {
  round?: number;
  unit?: string;
  key?: string;
  action?: 'save' | 'submit';
}

export async function postBatch(
  h: Harness,
  username: string | null,
  rows: unknown[],
  o: BatchOptions = {},
): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method: 'POST',
    url: reportsUrl(o.round, o.unit),
    headers: { ...(await as(h, username)), 'idempotency-key': o.key ?? randomUUID() },
    payload: { action: o.action ?? 'save', rows },
  });
}

export async function getReports(h: Harness, username: string, round = 6, unit = 'pte'): Promise<ReportRow[]> {
  const res = await h.app.inject({ method: 'GET', url: reportsUrl(round, unit), headers: await as(h, username) });
  if (res.statusCode !== 200) throw new Error(`GET reports: ${res.statusCode} ${res.body}`);
  return (res.json() as { reports: ReportRow[] }).reports;
}

/** Everything the database holds that a request could change, to prove a refused request changed nothing. */
export async function snapshot(h: Harness): Promise<string> {
  const tables = ['reports', 'assessments', 'attachments', 'audit_events', 'users', 'idempotency_keys'] as const;
  const out: Record<string, unknown> = {};
  for (const t of tables) {
    const rows = await h.db.selectFrom(t).selectAll().execute();
    out[t] = rows
      .map((r) => JSON.stringify(r, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v)))
      .sort();
  }
  return JSON.stringify(out);
}

/** A JSON answer as the tests read it: its shape is what the expectations check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;
