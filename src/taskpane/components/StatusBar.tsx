/** An action's progress and outcome: a progress bar while it runs, what went wrong and what to do, or what it did. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar } from '@fluentui/react-components';
import type { Message } from '../../domain';
import type { ActionState } from '../hooks/useAction';
import { useLocale } from '../i18n';

export function StatusBar({
  state,
  working,
  onDismiss,
}: {
  state: ActionState;
  working: string;
  onDismiss: () => void;
}): JSX.Element | null {
  const { t, m } = useLocale();
  if (state.running) {
    return (
      <div role="status" aria-live="polite" className="sb-status">
        <ProgressBar value={state.progress} thickness="large" aria-label={working} />
        <span>{working}</span>
      </div>
    );
  }
  if (state.error) return <ErrorMessage message={state.error} onDismiss={onDismiss} />;
  if (state.done) {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>{m(state.done)}</MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" size="small" onClick={onDismiss}>
              {t.dismiss}
            </Button>
          }
        />
      </MessageBar>
    );
  }
  return null;
}

/** Every error the pane shows says what happened and, in the same message, what to do next. */
export function ErrorMessage({
  message,
  onDismiss,
  onRetry,
}: {
  message: Message;
  onDismiss?: () => void;
  onRetry?: () => void;
}): JSX.Element {
  const { t, m } = useLocale();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t.errorTitle}</MessageBarTitle>
        {m(message)}
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          onDismiss ? (
            <Button appearance="transparent" size="small" onClick={onDismiss}>
              {t.dismiss}
            </Button>
          ) : undefined
        }
      >
        {onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t.retry}
          </Button>
        ) : null}
      </MessageBarActions>
    </MessageBar>
  );
}
