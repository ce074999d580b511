/**
 * A submit's conflicts, one dialog per row ("1 จาก 3"): the indicator, mine (my value and texts, still in the sheet)
 * and theirs (the server's value, who changed it and when). Keep mine resends my row on their version; take
 * theirs writes their value into the sheet; decide later leaves the row a conflict in the status column, to come
 * back to from the outcome list. Nothing here talks to the server or the sheet: SubmitChanged does.
 */
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ConflictView } from '../model/conflicts';
import { useServerStrings } from '../serverStrings';

export interface ConflictDialogProps {
  /** The conflict shown; undefined: the dialog is closed. */
  readonly view: ConflictView | undefined;
  /** 1-based place of this conflict among those of the answer, and how many there were. */
  readonly position: number;
  readonly count: number;
  readonly busy: boolean;
  readonly onKeepMine: (view: ConflictView) => void;
  readonly onTakeTheirs: (view: ConflictView) => void;
  readonly onLater: (view: ConflictView) => void;
}

export function ConflictDialog({ view, position, count, busy, onKeepMine, onTakeTheirs, onLater }: ConflictDialogProps): JSX.Element {
  const { s } = useServerStrings();
  return (
    <Dialog open={view !== undefined} onOpenChange={(_, d) => { if (!d.open && view) onLater(view); }}>
      <DialogSurface aria-describedby="sb-conflict-intro" data-testid="conflict-dialog">
        {view ? (
          <DialogBody>
            <DialogTitle>{s.conflictHeading} · {s.conflictOf(position, count)}</DialogTitle>
            <DialogContent className="sb-stack">
              <div id="sb-conflict-intro">{s.conflictIntro}</div>
              <strong data-testid="conflict-indicator">{view.indicatorId}{view.name ? ` ${view.name}` : ''}</strong>
              <section aria-label={s.mine} data-testid="conflict-mine">
                <div><strong>{s.mine}:</strong> {view.mine.value}</div>
                {view.mine.texts.map((t) => <div key={t.label}>{s.textLabel[t.label]}: {t.text}</div>)}
                <Caption1>{s.keepMineHint}</Caption1>
              </section>
              <section aria-label={s.theirs} data-testid="conflict-theirs">
                <div><strong>{s.theirs}:</strong> {view.theirs.value}</div>
                <div>{s.changedBy(view.theirs.who, view.theirs.when)}</div>
                <Caption1>{s.takeTheirsHint}</Caption1>
              </section>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" disabled={busy} onClick={() => onKeepMine(view)}>{s.keepMine}</Button>
              <Button disabled={busy} onClick={() => onTakeTheirs(view)}>{s.takeTheirs}</Button>
              <Button appearance="subtle" disabled={busy} onClick={() => onLater(view)}>{s.decideLater}</Button>
            </DialogActions>
          </DialogBody>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}
