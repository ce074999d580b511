/** One line while pending batches wait to be resent on their own: when the next check is, or that it is sending. */
import type { ReconnectState } from '../model/reconnectLoop';
import { useReconnectStrings } from '../reconnectStrings';

export function AutoResendStatus({ state }: { state: ReconnectState | undefined }): JSX.Element | null {
  const s = useReconnectStrings();
  if (!state || state.phase === 'stopped') return null;
  const text =
    state.phase === 'waiting' ? s.waiting(Math.round(state.nextCheckMs / 1000)) : state.phase === 'checking' ? s.checking : s.resending;
  return (
    <div role="status" data-testid="auto-resend">
      {text}
    </div>
  );
}
