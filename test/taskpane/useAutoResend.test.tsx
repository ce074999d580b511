/** @jest-environment jsdom */
/**
 * The hook around the reconnect loop, on jest's fake timers: it runs only while batches are pending and the client
 * can ask the server, resends through the caller's own resend when the server answers, and stops when nothing is
 * pending any more or the pane closes.
 */
import { act, renderHook } from '@testing-library/react';
import { useAutoResend, type AutoResendOptions } from '../../src/taskpane/hooks/useAutoResend';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function setup(initial: Partial<AutoResendOptions> = {}) {
  const calls: string[] = [];
  let answers = false;
  const events = new EventTarget();
  const options: AutoResendOptions = {
    pending: true,
    busy: false,
    events,
    check: async () => {
      calls.push('check');
      return answers;
    },
    resend: async () => {
      calls.push('resend');
    },
    ...initial,
  };
  const hook = renderHook((o: AutoResendOptions) => useAutoResend(o), { initialProps: options });
  return { hook, calls, events, options, answer: (yes: boolean) => (answers = yes) };
}

const advance = (ms: number) => act(() => jest.advanceTimersByTimeAsync(ms));

test('checks after 5 s, then 10 s; resends once the server answers; says when the next check is', async () => {
  const { hook, calls, answer } = setup();
  expect(hook.result.current).toEqual({ phase: 'waiting', nextCheckMs: 5_000 });
  await advance(5_000);
  expect(calls).toEqual(['check']);
  expect(hook.result.current).toEqual({ phase: 'waiting', nextCheckMs: 10_000 });
  answer(true);
  await advance(10_000);
  expect(calls).toEqual(['check', 'check', 'resend']);
  hook.unmount();
});

test('the online event checks at once', async () => {
  const { hook, calls, events, answer } = setup();
  answer(true);
  await act(async () => {
    events.dispatchEvent(new Event('online'));
  });
  expect(calls).toEqual(['check', 'resend']);
  hook.unmount();
});

test('nothing pending (or the pane closed): no check ever comes, and nothing is shown', async () => {
  const { hook, calls, options, events } = setup();
  hook.rerender({ ...options, pending: false });
  expect(hook.result.current).toBeUndefined();
  await advance(600_000);
  hook.unmount();
  events.dispatchEvent(new Event('online'));
  await advance(600_000);
  expect(calls).toEqual([]);
});

test('a client that cannot ask the server (no check): nothing is automatic', async () => {
  const { hook, calls } = setup({ check: undefined });
  await advance(600_000);
  expect(hook.result.current).toBeUndefined();
  expect(calls).toEqual([]);
  hook.unmount();
});
