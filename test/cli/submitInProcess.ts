/**
 * `scorebook submit` run in this process (runSubmit) as pte.reporter at the fixture's open round, every line it
 * says captured: what the submit tests share. Each test gives the file and server, and whatever it varies.
 */
import { runSubmit, type SubmitArgs } from '../../src/cli/submitCommand';
import { T_OPEN } from '../server/fixtures';

export async function submitInProcess(
  args: Pick<SubmitArgs, 'file' | 'server'> & Partial<SubmitArgs>,
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runSubmit(
    { user: 'pte.reporter', password: async () => 'pw', action: 'submit', locale: 'th', now: () => new Date(T_OPEN), ...args },
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out, err };
}
