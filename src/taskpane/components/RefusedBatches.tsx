/**
 * Batches the server refused as a whole (a 4xx: a character it cannot store, a closed round …) stay in the
 * workbook's pending store with the server's message, so nothing is lost and nothing is resent blindly: each is
 * shown here until the person, having fixed the sheet, removes it.
 */
import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { PendingBatch } from '../../api/pending';
import { useServerStrings } from '../serverStrings';

export interface RefusedBatchesProps {
  readonly batches: readonly PendingBatch[];
  readonly busy: boolean;
  readonly onForget: (key: string) => void;
}

export function RefusedBatches({ batches, busy, onForget }: RefusedBatchesProps): JSX.Element | null {
  const { s, locale } = useServerStrings();
  if (batches.length === 0) return null;
  return (
    <>
      {batches.map((b) => {
        const ids = b.body.rows.map((r) => r.indicatorId);
        const shown = ids.length > 5 ? `${ids.slice(0, 5).join(', ')} …` : ids.join(', ');
        return (
          <MessageBar key={b.key} intent="error" layout="multiline" data-testid="refused-batch">
            <MessageBarBody>
              {s.refusedBatch(ids.length, shown)}: {locale === 'th' ? b.refused?.message.th : b.refused?.message.en}{' '}
              <Button size="small" disabled={busy} onClick={() => onForget(b.key)}>
                {s.forgetRefused}
              </Button>
            </MessageBarBody>
          </MessageBar>
        );
      })}
    </>
  );
}
