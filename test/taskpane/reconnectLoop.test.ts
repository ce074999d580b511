/**
 * Resending on its own when the server answers again: the check waits 5 s, then doubles up to 60 s; the browser's
 * `online` event checks at once; an answer resends; a busy pane is never sent beside. Jest's fake timers are the
 * clock, so no test waits.
 */
import { ReconnectLoop, type ReconnectState } from '../../src/taskpane/model/reconnectLoop';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

function loopWith(answers: boolean[], o: { busy?: () => boolean } = {}) {
  const checks: number[] = [];
  const states: ReconnectState[] = [];
  let resends = 0;
  const start = Date.now();
  const loop = new ReconnectLoop({
    check: async () => {
      checks.push(Date.now() - start);
      return answers.shift() ?? false;
    },
    resend: async () => {
      resends++;
    },
    busy: o.busy,
    onState: (s) => states.push(s),
  });
  return { loop, checks, states, resends: () => resends };
}

test('while the server stays silent the checks come at 5, 10, 20, 40, 60 and 60 s apart, and nothing is resent', async () => {
  const { loop, checks, resends } = loopWith([]);
  loop.start();
  await jest.advanceTimersByTimeAsync(5_000 + 10_000 + 20_000 + 40_000 + 60_000 + 60_000);
  expect(checks).toEqual([5_000, 15_000, 35_000, 75_000, 135_000, 195_000]);
  expect(resends()).toBe(0);
  loop.stop();
});

test('the first check that answers resends; a resend that left batches behind keeps backing off', async () => {
  const { loop, checks, resends, states } = loopWith([false, true, true]);
  loop.start();
  await jest.advanceTimersByTimeAsync(4_999);
  expect(checks).toEqual([]);
  await jest.advanceTimersByTimeAsync(1);
  expect(resends()).toBe(0);
  await jest.advanceTimersByTimeAsync(10_000);
  expect(resends()).toBe(1);
  expect(states.slice(-3)).toEqual([{ phase: 'checking' }, { phase: 'resending' }, { phase: 'waiting', nextCheckMs: 20_000 }]);
  await jest.advanceTimersByTimeAsync(20_000);
  expect(checks).toEqual([5_000, 15_000, 35_000]);
  expect(resends()).toBe(2);
  loop.stop();
});

test('the browser coming back online checks at once, without waiting for the timer', async () => {
  const { loop, checks, resends } = loopWith([true]);
  loop.start();
  await jest.advanceTimersByTimeAsync(1_000);
  loop.checkNow();
  await jest.advanceTimersByTimeAsync(0);
  expect(checks).toEqual([1_000]);
  expect(resends()).toBe(1);
  loop.stop();
});

test('stopped (nothing pending any more): no check ever comes', async () => {
  const { loop, checks, states } = loopWith([true]);
  loop.start();
  loop.stop();
  loop.checkNow();
  await jest.advanceTimersByTimeAsync(600_000);
  expect(checks).toEqual([]);
  expect(states[states.length - 1]).toEqual({ phase: 'stopped' });
});

test('while the pane is busy sending, the loop waits its turn instead of sending beside it', async () => {
  let busy = true;
  const { loop, checks, resends } = loopWith([true], { busy: () => busy });
  loop.start();
  await jest.advanceTimersByTimeAsync(5_000);
  expect(checks).toEqual([]);
  busy = false;
  await jest.advanceTimersByTimeAsync(5_000);
  expect(checks).toEqual([10_000]);
  expect(resends()).toBe(1);
  loop.stop();
});

test('a check that throws counts as no answer', async () => {
  let resent = false;
  const loop = new ReconnectLoop({
    check: async () => {
      throw new Error('boom');
    },
    resend: async () => {
      resent = true;
    },
  });
  loop.start();
  await jest.advanceTimersByTimeAsync(5_000);
  expect(resent).toBe(false);
  loop.stop();
});
