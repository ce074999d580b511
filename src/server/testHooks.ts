/**
 * TEST ONLY. A seam for the crash and chaos tests, read from the environment and nowhere else: never set it in
 * production. With `SCOREBOOK_TEST_PAUSE_IN_BATCH=<prefix>`, a batch whose Idempotency-Key starts with that
 * prefix stops just before its commit — every row, audit event and the stored answer written, nothing
 * committed — writes one line to standard error, and waits (at most a minute), so a test can kill the process
 * inside its own transaction and prove nothing of it survives but what a retry applies once.
 */
const PAUSE_MS = 60_000;

export async function pauseBeforeBatchCommitForTest(idempotencyKey: string): Promise<void> {
  const prefix = process.env.SCOREBOOK_TEST_PAUSE_IN_BATCH;
  if (!prefix || !idempotencyKey.startsWith(prefix)) return;
  process.stderr.write(`SCOREBOOK_TEST_PAUSE_IN_BATCH: batch ${idempotencyKey} paused before its commit (pid ${process.pid})\n`);
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}
