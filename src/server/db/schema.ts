/** The tables as Kysely sees them (see `../migrations` for the DDL). Timestamps are `timestamptz`. */
import type { ColumnType, Generated } from 'kysely';

/** jsonb: written as JSON text (`JSON.stringify`), read back as the parsed value. */
type Json = ColumnType<unknown, string, string>;

export interface UsersTable {
  username: string;
  name: string;
  password_hash: string;
  roles: string[];
  units: string[];
  created_at: Date;
}

export interface SessionsTable {
  token_hash: string;
  username: string;
  created_at: Date;
  expires_at: Date;
}

export interface SignInAttemptsTable {
  id: Generated<string>;
  username: string;
  ip: string;
  at: Date;
  succeeded: boolean;
}

export interface AssessmentsTable {
  id: string;
  document: Json;
  version: number;
  updated_by: string;
  updated_at: Date;
}

export interface ReportsTable {
  assessment_id: string;
  round: number;
  unit_id: string;
  indicator_id: string;
  value: Json;
  explanation: string | null;
  obstacles: string | null;
  remarks: string | null;
  status: string;
  version: number;
  updated_by: string;
  updated_at: Date;
  comment: string | null;
  late: boolean;
  submitted_at: Date | null;
}

export interface IdempotencyTable {
  username: string;
  key: string;
  request_hash: string;
  response: Json | null;
  created_at: Date;
}

export interface AttachmentsTable {
  id: string;
  assessment_id: string;
  round: number;
  unit_id: string;
  indicator_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  /** null: the bytes are in the file store, under `sha256`. */
  content: ColumnType<Uint8Array | null, Uint8Array | null, never>;
  uploaded_by: string;
  uploaded_at: Date;
}

export interface AuditEventsTable {
  id: Generated<string>;
  at: Date;
  actor: string;
  action: string;
  assessment_id: string | null;
  round: number | null;
  unit_id: string | null;
  indicator_id: string | null;
  old_value: Json | null;
  new_value: Json | null;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  assessments: AssessmentsTable;
  reports: ReportsTable;
  idempotency_keys: IdempotencyTable;
  attachments: AttachmentsTable;
  audit_events: AuditEventsTable;
}
