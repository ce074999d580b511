/**
 * Which rows to submit: the changed ones (the button itself, as before), or from its menu the rows selected in the
 * sheet, or all. One split button, so the common case stays one click.
 */
import { Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, SplitButton, type MenuButtonProps } from '@fluentui/react-components';
import type { SubmitScope } from '../model/submitRows';
import { useServerStrings } from '../serverStrings';

export function SubmitChoice({ disabled, onSubmit }: { disabled: boolean; onSubmit: (scope: SubmitScope) => void }): JSX.Element {
  const { s } = useServerStrings();
  return (
    <Menu positioning="below-end">
      <MenuTrigger disableButtonEnhancement>
        {(triggerProps: MenuButtonProps) => (
          <SplitButton
            appearance="primary"
            disabled={disabled}
            menuButton={{ ...triggerProps, 'aria-label': s.submitMore }}
            primaryActionButton={{ onClick: () => onSubmit('changed') }}
          >
            {s.submitChanged}
          </SplitButton>
        )}
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => onSubmit('selected')}>{s.submitSelected}</MenuItem>
          <MenuItem onClick={() => onSubmit('all')}>{s.submitAll}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
