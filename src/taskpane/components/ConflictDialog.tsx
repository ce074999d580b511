/**
 * A submit's conflicts, one dialog per row ("1 จาก 3"): the indicator, mine (my value and texts, still in the sheet)
 * and theirs (the server's value and texts, who changed it and when). Keep mine resends my row on their version;
 * take theirs writes their value and texts into the sheet; decide later leaves the row a conflict in the status column, to come
 * back to from the outcome list. Nothing here talks to the server or the sheet: SubmitChanged does.
 *
 * Non-modal: "decide later" is always one click away, so nothing needs fencing off, and a modal layer would hide
 * the rest of the pane from assistive technology (and from tests and scripts finding buttons by name) for a
 * moment after every close.
 */
import { Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
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
  const keep = useRef<HTMLButtonElement>(null);
  // Each conflict, once nothing is under way, puts focus on Keep mine. The dialog may open while the answer is
  // still being written (its buttons off), when Fluent finds nothing to focus; focus left on the surface would
  // leave the dialog hidden from assistive technology (tabster treats its modalizer as inactive).
  const id = view?.indicatorId;
  useEffect(() => {
    if (id !== undefined && !busy) keep.current?.focus();
  }, [id, busy]);
  return (
    <Dialog
      open={view !== undefined}
      modalType="non-modal"
      onOpenChange={(_, d) => {
        if (!d.open && view) onLater(view);
      }}
    >
      <DialogSurface aria-describedby="sb-conflict-intro" data-testid="conflict-dialog">
        {view ? (
          <DialogBody>
            <DialogTitle>
              {s.conflictHeading} · {s.conflictOf(position, count)}
            </DialogTitle>
            <DialogContent className="sb-stack">
              <div id="sb-conflict-intro">{s.conflictIntro}</div>
              <strong data-testid="conflict-indicator">
                {view.indicatorId}
                {view.name ? ` ${view.name}` : ''}
              </strong>
              <section aria-label={s.mine} data-testid="conflict-mine">
                <div>
                  <strong>{s.mine}:</strong> {view.mine.value}
                </div>
                {view.mine.texts.map((t) => (
                  <div key={t.label}>
                    {s.textLabel[t.label]}: {t.text}
                  </div>
                ))}
                <Caption1>{s.keepMineHint}</Caption1>
              </section>
              <section aria-label={s.theirs} data-testid="conflict-theirs">
                <div>
                  <strong>{s.theirs}:</strong> {view.theirs.value}
                </div>
                {view.theirs.texts.map((t) => (
                  <div key={t.label}>
                    {s.textLabel[t.label]}: {t.text}
                  </div>
                ))}
                <div>{s.changedBy(view.theirs.who, view.theirs.when)}</div>
                <Caption1>{s.takeTheirsHint}</Caption1>
              </section>
            </DialogContent>
            <DialogActions>
              <Button ref={keep} appearance="primary" disabledFocusable={busy} onClick={() => onKeepMine(view)}>
                {s.keepMine}
              </Button>
              <Button disabledFocusable={busy} onClick={() => onTakeTheirs(view)}>
                {s.takeTheirs}
              </Button>
              <Button appearance="subtle" disabledFocusable={busy} onClick={() => onLater(view)}>
                {s.decideLater}
              </Button>
            </DialogActions>
          </DialogBody>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}
