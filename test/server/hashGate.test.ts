import { HashGate } from '../../src/server/auth/hashGate';

/** Work that finishes when the test says so, and records the order it started in. */
function controlled(started: string[]) {
  const finish = new Map<string, () => void>();
  const work = (name: string) => () => {
    started.push(name);
    return new Promise<void>((resolve) => finish.set(name, resolve));
  };
  const done = async (name: string) => {
    finish.get(name)?.();
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  };
  return { work, done };
}

describe('the hashing line', () => {
  test('at most `concurrency` run; the line and each address have a bound; a busy address does not go first', async () => {
    const gate = new HashGate({ concurrency: 1, queue: 3, perAddress: 3 });
    const started: string[] = [];
    const { work, done } = controlled(started);
    const a = [gate.admit('A'), gate.admit('A'), gate.admit('A')];
    expect(gate.admit('A')).toBeUndefined(); // A's share is 3
    const b = gate.admit('B');
    expect(gate.admit('C')).toBeUndefined(); // the line is full: 1 running + 3 waiting
    const runs = [a[0]!.run(work('a1')), a[1]!.run(work('a2')), a[2]!.run(work('a3')), b!.run(work('b1'))];
    await done('none');
    expect(started).toEqual(['a1']);
    await done('a1');
    // A still has two places in the line, B one: B goes before A's second.
    expect(started).toEqual(['a1', 'b1']);
    await done('b1');
    await done('a2');
    await done('a3');
    await Promise.all(runs);
    expect(started).toEqual(['a1', 'b1', 'a2', 'a3']);
    expect(gate.peak).toBe(1);
    // Every place is given back.
    expect(gate.admit('C')).toBeDefined();
  });

  test('a place given back without hashing frees it', () => {
    const gate = new HashGate({ concurrency: 1, queue: 0, perAddress: 1 });
    const t = gate.admit('A');
    expect(gate.admit('B')).toBeUndefined();
    t!.release();
    t!.release(); // twice is once
    expect(gate.admit('B')).toBeDefined();
    expect(gate.admit('C')).toBeUndefined();
  });
});
