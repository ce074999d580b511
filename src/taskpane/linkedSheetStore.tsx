/**
 * The linked sheet's one owner on the Server tab: the binding record and its server link (round, server address,
 * pending and refused batches) as the workbook last said them, read in one place and held in the pane's store, so
 * the sign-in form, submit, evidence and the late notice all read the same thing instead of each reading the record
 * and pushing what it found up through effects.
 *
 * Every change goes through `reduce`: a read (`read`, `reload`, `fresh`), or a record the tab wrote (`write`). The
 * assessment the record carries is decoded once per stored text (recordAssessment.ts), never per action.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, type ReactNode } from 'react';
import type { BatchTarget } from '../api/pending';
import type { Assessment } from '../domain';
import type { BindingRecord } from '../workbook/binding';
import type { WorkbookPort } from '../workbook/port';
import { PaneError } from './hooks/useAction';
import { notLinked, readLink, readSheet } from './linkedSheet';
import { recordAssessment } from './model/recordAssessment';
import type { ServerLink } from './model/serverLink';
import { usePaneState } from './paneStore';
import { pendingRowsOf, refusedOf } from './submitFlow';

/** What is known of the linked sheet. `known`: the record has been read at least once since the tab opened. */
export interface LinkedState {
  readonly known: boolean;
  readonly record?: BindingRecord;
  readonly link?: ServerLink;
}

export type LinkedEvent =
  { readonly kind: 'read'; readonly record: BindingRecord; readonly link: ServerLink } | { readonly kind: 'unlinked' };

export function reduce(state: LinkedState, event: LinkedEvent): LinkedState {
  switch (event.kind) {
    case 'read':
      return state.record === event.record && state.link === event.link && state.known
        ? state
        : { known: true, record: event.record, link: event.link };
    case 'unlinked':
      return state.known && !state.record ? state : { known: true };
  }
}

export interface LinkedSheet extends LinkedState {
  /** The round the sheet reports on (where a submit goes); undefined until linked. */
  readonly target?: BatchTarget;
  /** The server the link names, for the sign-in form before a session. */
  readonly baseUrl?: string;
  /** The assessment of the record, decoded once per stored text. */
  readonly assessment?: Assessment;
  readonly pendingRows: number;
  readonly refused: ServerLink['pending'];
  /** Reads the record again (the pane or the workbook wrote it); a sheet not linked is a state, not an error. */
  reload(): Promise<void>;
  /** The record and link as the workbook holds them now, for an action about to write them; throws when not linked. */
  fresh(): Promise<{ record: BindingRecord; link: ServerLink }>;
  /** Writes the record (its link changed) and holds it, without reading it back. */
  write(record: BindingRecord, link: ServerLink): Promise<void>;
  /** The bound sheet as it is now (record, link, assessment, grid, reading), the known bound sheet read with the record. */
  readSheet(): ReturnType<typeof readSheet>;
}

const LinkedContext = createContext<LinkedSheet | undefined>(undefined);

export function LinkedSheetProvider({
  port,
  boundSheet,
  children,
}: {
  port: WorkbookPort;
  boundSheet?: string;
  children: ReactNode;
}): JSX.Element {
  const [state, setState] = usePaneState<LinkedState>('server.linked', { known: false });
  const dispatch = useCallback((event: LinkedEvent) => setState((s) => reduce(s, event)), [setState]);
  const bound = useRef(boundSheet);
  bound.current = boundSheet;

  const fresh = useCallback(async () => {
    try {
      const read = await readLink(port);
      dispatch({ kind: 'read', ...read });
      return read;
    } catch (e) {
      if (e instanceof PaneError) dispatch({ kind: 'unlinked' });
      throw e;
    }
  }, [port, dispatch]);
  const reload = useCallback(async () => {
    await fresh().catch(() => undefined);
  }, [fresh]);
  const write = useCallback(
    async (record: BindingRecord, link: ServerLink) => {
      await port.writeBinding({ ...record, server: link });
      dispatch({ kind: 'read', record: { ...record, server: link }, link });
    },
    [port, dispatch],
  );
  const sheet = useCallback(async () => {
    const read = await readSheet(port, bound.current);
    dispatch({ kind: 'read', record: read.record, link: read.link });
    return read;
  }, [port, dispatch]);

  // Once per workbook and tab opening: later reads come with each action's own.
  useEffect(() => {
    void reload();
  }, [reload]);

  const value = useMemo<LinkedSheet>(() => {
    const loaded = state.record ? recordAssessment(state.record) : undefined;
    return {
      ...state,
      target: state.link?.target,
      baseUrl: state.link?.baseUrl,
      assessment: loaded?.ok ? loaded.value.assessment : undefined,
      pendingRows: state.link ? pendingRowsOf(state.link) : 0,
      refused: state.link ? refusedOf(state.link) : [],
      reload,
      fresh,
      write,
      readSheet: sheet,
    };
  }, [state, reload, fresh, write, sheet]);
  return <LinkedContext.Provider value={value}>{children}</LinkedContext.Provider>;
}

/** The linked sheet of the Server tab (LinkedSheetProvider above it). */
export function useLinkedSheet(): LinkedSheet {
  const linked = useContext(LinkedContext);
  if (!linked) throw new Error('useLinkedSheet outside LinkedSheetProvider');
  return linked;
}

/** The linked round or, when the sheet is not linked, the "not linked" error an action shows. */
export function targetOf(link: ServerLink): BatchTarget {
  if (!link.target) throw notLinked();
  return link.target;
}
