/**
 * The pane's state that outlives a tab: the Server tab's session, the assessment, unit and round chosen, the
 * submit outcomes, the returned rows, the approver's list. The tabs' panels mount and unmount as the person moves
 * between tabs; what they keep here stays as long as the pane is open. One store per pane (App makes it), read
 * with `usePaneState(key, initial)` in place of `useState`: same shape, but the value lives above the tabs.
 *
 * Nothing secret is written anywhere by this store: it is memory only (the token lives in the API client, which
 * lives here too). What survives closing the pane is the binding record's server link (address, assessment, unit,
 * round), which the Server tab defaults to when it opens again.
 */
import {
  createContext,
  useCallback,
  useContext,
  useRef,
  useSyncExternalStore,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react';

export class PaneStore {
  private readonly values = new Map<string, unknown>();
  private readonly listeners = new Set<() => void>();

  has(key: string): boolean {
    return this.values.has(key);
  }

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  set<T>(key: string, value: T): void {
    if (this.values.has(key) && Object.is(this.values.get(key), value)) return;
    this.values.set(key, value);
    for (const l of [...this.listeners]) l();
  }

  /** A first value, set while rendering: nobody can be showing the key yet, so nobody is told. */
  init<T>(key: string, value: T): void {
    if (!this.values.has(key)) this.values.set(key, value);
  }

  /** Forgets the keys that start with `prefix` (a sign-out forgets what belonged to that session). */
  clear(prefix: string): void {
    let changed = false;
    for (const k of [...this.values.keys()]) {
      if (k.startsWith(prefix)) {
        this.values.delete(k);
        changed = true;
      }
    }
    if (changed) for (const l of [...this.listeners]) l();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const PaneStoreContext = createContext<PaneStore | undefined>(undefined);

export function PaneStoreProvider({ store, children }: { store: PaneStore; children: ReactNode }): JSX.Element {
  return <PaneStoreContext.Provider value={store}>{children}</PaneStoreContext.Provider>;
}

/** The pane's store; a panel rendered alone (a test) gets one of its own, so it behaves as before. */
export function usePaneStore(): PaneStore {
  const shared = useContext(PaneStoreContext);
  const own = useRef<PaneStore>();
  if (shared) return shared;
  own.current ??= new PaneStore();
  return own.current;
}

/** `useState`, kept in the pane's store under `key`: it survives the panel unmounting on a tab switch. */
export function usePaneState<T>(key: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>] {
  const store = usePaneStore();
  if (!store.has(key)) store.init(key, typeof initial === 'function' ? (initial as () => T)() : initial);
  const value = useSyncExternalStore(store.subscribe, () => store.get<T>(key) as T);
  // Stable, and bound to the store, not to this mount: a request started before a tab switch still lands.
  const set = useCallback<Dispatch<SetStateAction<T>>>(
    (next) => store.set(key, typeof next === 'function' ? (next as (p: T) => T)(store.get<T>(key) as T) : next),
    [store, key],
  );
  return [value, set];
}
