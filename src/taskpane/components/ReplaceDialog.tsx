/**
 * Before an action writes over typed work (replaceCheck.ts found a loss): what would go — unsent rows, typed
 * results, notes, the person's own columns — and the choice: open in a new sheet (the default, nothing written
 * over), keep my values as changed rows over the server's (when the sheet is the same assessment's), or replace,
 * which asks again on its own step before anything is lost.
 */
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { SheetLoss } from '../../workbook/replaceGuard';
import { useReplaceStrings } from '../replaceStrings';

export type ReplaceChoice = 'new-sheet' | 'keep-mine' | 'replace';

export interface ReplaceDialogProps {
  /** What would be lost; undefined: closed. */
  readonly loss: SheetLoss | undefined;
  /** The name a new sheet would get. */
  readonly newSheet: string;
  /** Keeping my values is offered (the sheet is this assessment's, bound). */
  readonly canKeep: boolean;
  readonly onChoose: (choice: ReplaceChoice) => void;
  readonly onCancel: () => void;
}

export function ReplaceDialog({ loss, newSheet, canKeep, onChoose, onCancel }: ReplaceDialogProps): JSX.Element {
  const { r } = useReplaceStrings();
  const [choice, setChoice] = useState<ReplaceChoice>('new-sheet');
  const [confirming, setConfirming] = useState(false);
  const open = loss !== undefined;
  useEffect(() => {
    if (!open) return;
    setChoice('new-sheet');
    setConfirming(false);
  }, [open]);
  const go = (): void => {
    if (choice === 'replace' && !confirming) setConfirming(true);
    else onChoose(choice);
  };
  return (
    <Dialog
      open={open}
      modalType="non-modal"
      onOpenChange={(_, d) => {
        if (!d.open) onCancel();
      }}
    >
      <DialogSurface data-testid="replace-dialog" aria-describedby="sb-replace-what">
        {loss ? (
          <DialogBody>
            <DialogTitle>{confirming ? r.confirmHeading : r.heading(loss.sheet)}</DialogTitle>
            <DialogContent className="sb-stack">
              {confirming ? (
                <div id="sb-replace-what" role="alert">
                  {r.confirm(loss.sheet, Math.max(loss.cells, loss.unsent.length))}
                </div>
              ) : (
                <>
                  <ul id="sb-replace-what" className="sb-list" data-testid="replace-what">
                    {loss.unsent.length > 0 ? (
                      <li>
                        <strong>{r.unsent(loss.unsent.length)}</strong>
                      </li>
                    ) : null}
                    {loss.results.length > 0 ? <li>{r.results(loss.results.length, loss.results)}</li> : null}
                    {loss.notes.length > 0 ? <li>{r.notes(loss.notes.length)}</li> : null}
                    {loss.ownColumns.length > 0 ? <li>{r.own(loss.ownColumns)}</li> : null}
                    {loss.ownColumns.length === 0 && loss.otherCells > 0 ? <li>{r.other(loss.otherCells)}</li> : null}
                  </ul>
                  <RadioGroup aria-label={r.question} value={choice} onChange={(_, d) => setChoice(d.value as ReplaceChoice)}>
                    <Radio
                      value="new-sheet"
                      label={
                        <>
                          {r.newSheet(newSheet)}
                          <br />
                          <Caption1>{r.newSheetHint}</Caption1>
                        </>
                      }
                    />
                    {canKeep ? (
                      <Radio
                        value="keep-mine"
                        label={
                          <>
                            {r.keepMine}
                            <br />
                            <Caption1>{r.keepMineHint}</Caption1>
                          </>
                        }
                      />
                    ) : null}
                    <Radio
                      value="replace"
                      label={
                        <>
                          {r.replace}
                          <br />
                          <Caption1>{r.replaceHint}</Caption1>
                        </>
                      }
                    />
                  </RadioGroup>
                </>
              )}
            </DialogContent>
            <DialogActions>
              {confirming ? (
                <>
                  <Button appearance="primary" onClick={() => onChoose('replace')}>
                    {r.confirmButton}
                  </Button>
                  <Button onClick={() => setConfirming(false)}>{r.back}</Button>
                </>
              ) : (
                <>
                  <Button appearance="primary" onClick={go}>
                    {r.go}
                  </Button>
                  <Button onClick={onCancel}>{r.cancel}</Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}
