/** The sign-in form: server address, username, password; asked again (password only) when the session ends. */
import { Button, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { useServerStrings } from '../serverStrings';

export function SignInForm({
  baseUrl,
  username: knownUser,
  again,
  busy,
  onSignIn,
  onCancel,
}: {
  baseUrl: string;
  username: string;
  again: boolean;
  busy: boolean;
  onSignIn: (url: string, u: string, p: string) => Promise<void>;
  onCancel?: () => void;
}): JSX.Element {
  const { s } = useServerStrings();
  const [url, setUrl] = useState(baseUrl);
  // Signing in again keeps the server and the user: only the password is asked for.
  const [username, setUsername] = useState(knownUser);
  const [password, setPassword] = useState('');
  return (
    <form
      className="sb-stack"
      onSubmit={(e) => {
        e.preventDefault();
        // The password leaves the form with the request and is not kept in state afterwards.
        void onSignIn(url, username, password).then(() => setPassword(''));
      }}
    >
      <Subtitle2>{s.signInHeading}</Subtitle2>
      {again ? <div role="alert">{s.signInAgain}</div> : null}
      <Field label={s.serverAddress}>
        <Input value={url} onChange={(_, d) => setUrl(d.value)} disabled={again} />
      </Field>
      <Field label={s.username}>
        <Input value={username} onChange={(_, d) => setUsername(d.value)} autoComplete="username" disabled={again} />
      </Field>
      <Field label={s.password}>
        <Input type="password" value={password} onChange={(_, d) => setPassword(d.value)} autoComplete="current-password" />
      </Field>
      <div className="sb-row">
        <Button appearance="primary" type="submit" disabled={busy || !url || !username || !password}>
          {s.signIn}
        </Button>
        {onCancel ? <Button onClick={onCancel}>{s.cancel}</Button> : null}
      </div>
    </form>
  );
}
