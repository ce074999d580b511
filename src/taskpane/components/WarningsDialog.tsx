/**
 * Warnings among the rows about to be sent ask first (errors have already blocked): each with its cell, then
 * send anyway, or go back to the sheet (the first warning's cell is selected there).
 */
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import type { Issue } from '../../domain';
import { withoutCell } from '../model/issueText';
import { useServerStrings } from '../serverStrings';

export function WarningsDialog({
  warnings,
  onSend,
  onBack,
}: {
  warnings: readonly Issue[] | undefined;
  onSend: () => void;
  onBack: () => void;
}): JSX.Element {
  const { s, locale } = useServerStrings();
  const back = useRef<HTMLButtonElement>(null);
  // Focus on Go back, the safe choice, each time the dialog opens (see ConflictDialog on focus and tabster).
  const open = warnings !== undefined;
  useEffect(() => {
    if (open) back.current?.focus();
  }, [open]);
  return (
    <Dialog
      open={warnings !== undefined}
      modalType="alert"
      onOpenChange={(_, d) => {
        if (!d.open) onBack();
      }}
    >
      <DialogSurface aria-describedby="sb-warnings-intro" data-testid="warnings-dialog">
        {warnings ? (
          <DialogBody>
            <DialogTitle>{s.warningsHeading}</DialogTitle>
            <DialogContent className="sb-stack">
              <div id="sb-warnings-intro">{s.warningsIntro(warnings.length)}</div>
              <ul className="sb-list" aria-label={s.warningsHeading}>
                {warnings.map((w, i) => (
                  <li key={`${w.code}-${w.cell ?? i}`}>
                    {w.cell ? <strong>{w.cell.slice(w.cell.lastIndexOf('!') + 1)}</strong> : null}{' '}
                    {w.indicatorId ? `(${w.indicatorId})` : ''} {withoutCell(w.message[locale], w.cell)}
                  </li>
                ))}
              </ul>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={onSend}>
                {s.sendAnyway}
              </Button>
              <Button ref={back} onClick={onBack}>
                {s.goBack}
              </Button>
            </DialogActions>
          </DialogBody>
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}
