/** @jest-environment jsdom */
/**
 * The Server tab's one loading/error idiom (hooks/useServerCall.ts): a newer call supersedes an older one (its
 * late answer is dropped), unmounting aborts the call under way, an error goes when the inputs it is about change,
 * and a failure said during a call stays with its answer.
 */
import { act, renderHook } from '@testing-library/react';
import { useServerCall } from '../../src/taskpane/hooks/useServerCall';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

test('a newer call supersedes an older one: the older answer, arriving late, is dropped and its signal aborted', async () => {
  const calls: { id: string; signal: AbortSignal; d: ReturnType<typeof deferred<string>> }[] = [];
  const { result } = renderHook(() =>
    useServerCall((signal, id: string) => {
      const d = deferred<string>();
      calls.push({ id, signal, d });
      return d.promise;
    }),
  );
  let first: Promise<string | undefined> | undefined;
  let second: Promise<string | undefined> | undefined;
  act(() => {
    first = result.current.run('ตัวชี้วัด 1');
  });
  act(() => {
    second = result.current.run('ตัวชี้วัด 2');
  });
  expect(calls[0]!.signal.aborted).toBe(true);
  await act(async () => {
    calls[1]!.d.resolve('files of 2');
    await second;
  });
  await act(async () => {
    calls[0]!.d.resolve('files of 1');
    await first;
  });
  expect(await first).toBeUndefined();
  expect(result.current.result).toBe('files of 2');
  expect(result.current.running).toBe(false);
});

test('the error goes when the inputs it is about change, and is bilingual; a failed call leaves no stale answer', async () => {
  let fail = false;
  const { result, rerender } = renderHook(
    ({ key }: { key: number }) =>
      useServerCall(async () => {
        if (fail) throw new Error('down');
        return 'ok';
      }, [key]),
    { initialProps: { key: 1 } },
  );
  await act(() => result.current.run());
  fail = true;
  await act(() => result.current.run());
  expect(result.current.error?.th).toContain('down');
  expect(result.current.error?.en).toContain('down');
  expect(result.current.result).toBeUndefined();
  rerender({ key: 1 });
  expect(result.current.error).toBeDefined();
  rerender({ key: 2 });
  expect(result.current.error).toBeUndefined();
});

test('unmounting aborts the call under way; a failure said during a call stays with its answer', async () => {
  let seen: AbortSignal | undefined;
  const pending = deferred<string>();
  const { result, unmount } = renderHook(() =>
    useServerCall((signal) => {
      seen = signal;
      return pending.promise;
    }),
  );
  act(() => {
    void result.current.run();
  });
  unmount();
  expect(seen?.aborted).toBe(true);

  const { result: r2 } = renderHook(() => {
    const call = useServerCall(async (): Promise<string> => {
      call.fail({ th: 'บางแถวยังไม่ได้รับการยืนยัน', en: 'some rows are not confirmed yet' });
      return 'answered';
    });
    return call;
  });
  await act(async () => {
    await r2.current.run();
  });
  expect(r2.current.result).toBe('answered');
  expect(r2.current.error?.en).toBe('some rows are not confirmed yet');
});
