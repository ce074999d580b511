/**
 * The replace guard as a hook: `ask` shows ReplaceDialog for a loss and resolves with the person's choice
 * (undefined: cancelled); `dialog` is the element to render. One owner of the pending question, so an action
 * awaits it like any other step.
 */
import { useRef, useState } from 'react';
import type { SheetLoss } from '../../workbook/replaceGuard';
import { ReplaceDialog, type ReplaceChoice } from '../components/ReplaceDialog';

export function useReplaceGuard(): {
  ask: (loss: SheetLoss, options: { newSheet: string; canKeep: boolean }) => Promise<ReplaceChoice | undefined>;
  dialog: JSX.Element;
} {
  const [shown, setShown] = useState<{ loss: SheetLoss; newSheet: string; canKeep: boolean }>();
  const resolve = useRef<((c: ReplaceChoice | undefined) => void) | undefined>(undefined);
  const answer = (c: ReplaceChoice | undefined): void => {
    setShown(undefined);
    resolve.current?.(c);
    resolve.current = undefined;
  };
  const ask = (loss: SheetLoss, options: { newSheet: string; canKeep: boolean }): Promise<ReplaceChoice | undefined> =>
    new Promise((r) => {
      resolve.current?.(undefined);
      resolve.current = r;
      setShown({ loss, ...options });
    });
  const dialog = (
    <ReplaceDialog
      loss={shown?.loss}
      newSheet={shown?.newSheet ?? ''}
      canKeep={shown?.canKeep ?? false}
      onChoose={answer}
      onCancel={() => answer(undefined)}
    />
  );
  return { ask, dialog };
}
