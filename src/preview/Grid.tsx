/**
 * The preview's spreadsheet grid: sheet tabs, a formula bar, and the active sheet drawn from the PreviewWorkbook.
 * Click a cell to select it (shift-click: a range); type (or press Enter / F2, or double-click) to edit; Enter commits and moves down,
 * Tab moves right, Escape cancels; arrow keys move. What is typed is stored as typed (typing.ts). Hidden columns
 * stay hidden, very hidden sheets are not listed, and only the rows in view are drawn, so a 20,000-row sheet scrolls.
 */
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { cellAddress, parseAddress } from '../workbook';
import { ChartView } from './ChartView';
import { displayValue } from './display';
import type { PreviewWorkbook } from './previewWorkbook';

const ROW_HEIGHT = 24;
const OVERSCAN = 10;
/**
 * Rows are drawn only around the view from this many on. The window is reckoned at ROW_HEIGHT a row, but a wrapped
 * Thai name makes its row several times taller, so on a sheet of a few hundred rows the reckoned window misses the
 * rows actually in view (a cell scrolled to would be drawn out of the DOM again). Below it every row is drawn.
 */
const VIRTUAL_FROM_ROWS = 600;
const MIN_ROWS = 40;
const MIN_COLUMNS = 12;
const POINTS_TO_PX = 0.8;
/** Wide columns (the indicator name) are narrowed so the input columns fit beside the pane; the full text is a tooltip. */
const MAX_COLUMN_PX = 240;
const ROW_HEADER_PX = 40;

export function Grid({ workbook }: { workbook: PreviewWorkbook }): JSX.Element {
  const version = useSyncExternalStore(
    (l) => workbook.subscribe(l),
    () => workbook.currentVersion(),
  );
  const sheets = workbook.visibleSheets();
  const selection = workbook.currentSelection();
  const [active, setActive] = useState<string>(sheets[0] ?? 'Sheet1');
  const [editing, setEditing] = useState<{ address: string; text: string } | undefined>();
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(600);
  const body = useRef<HTMLDivElement>(null);

  // A selection made elsewhere (an issue's "go to cell") brings its sheet forward and the cell into view.
  useEffect(() => {
    if (selection && selection.sheet !== active && sheets.includes(selection.sheet)) setActive(selection.sheet);
    if (selection && body.current) {
      const row = parseAddress(selection.address.split(':')[0] as string).row;
      const top = (row - 1) * ROW_HEIGHT;
      const el = body.current;
      if (top < el.scrollTop || top > el.scrollTop + el.clientHeight - 2 * ROW_HEIGHT) el.scrollTop = Math.max(0, top - 3 * ROW_HEIGHT);
    }
    // Only when the selection moves: with `active` here, choosing another tab would snap back to the selected cell's sheet.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selection?.sheet, selection?.address]);
  const sheetList = sheets.join('\u0000');
  useEffect(() => {
    if (sheets.includes(active)) return;
    // The sheet shown went (a new workbook's Sheet1 makes way for the first real sheet): show the selected one.
    const next = selection && sheets.includes(selection.sheet) ? selection.sheet : sheets[sheets.length - 1];
    if (next) setActive(next);
    // When the sheets change (`sheets` is a new array at each render; its names are the key), not on every tab choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [sheetList]);
  useEffect(() => {
    const el = body.current;
    if (!el) return undefined;
    const measure = (): void => setViewHeight(el.clientHeight);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);

  const sheetExists = sheets.includes(active);
  const dims = sheetExists ? workbook.dimensions(active) : { rows: 0, columns: 0 };
  const rowCount = Math.max(dims.rows + 5, MIN_ROWS);
  const columns = useMemo(() => {
    const n = Math.max(dims.columns + 2, MIN_COLUMNS);
    return Array.from({ length: n }, (_, i) => i + 1).filter((c) => !sheetExists || !workbook.isColumnHidden(active, c));
    // `version`: a column hidden or shown changes the workbook, not its object, so the version is the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, sheetExists, workbook, dims.columns, version]);
  const widths = columns.map((c) => Math.min(MAX_COLUMN_PX, Math.round((workbook.columnWidth(active, c) ?? 64) * POINTS_TO_PX)));
  const virtual = rowCount >= VIRTUAL_FROM_ROWS;
  const first = virtual ? Math.max(1, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN) : 1;
  const last = virtual ? Math.min(rowCount, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN) : rowCount;
  const selected = selection && selection.sheet === active ? selection.address.split(':')[0] : undefined;
  const selectedAt = selected ? parseAddress(selected) : undefined;

  const select = (address: string): void => {
    setEditing(undefined);
    void workbook.select(active, address);
  };
  const move = (dr: number, dc: number): void => {
    const at = selectedAt ?? { row: 1, column: columns[0] ?? 1 };
    const ci = Math.max(0, Math.min(columns.length - 1, columns.indexOf(at.column) + dc));
    select(cellAddress(Math.max(1, at.row + dr), columns[ci] ?? at.column));
  };
  const commit = (then: 'down' | 'right' | 'stay'): void => {
    if (!editing) return;
    workbook.type(active, editing.address, editing.text);
    setEditing(undefined);
    if (then === 'down') move(1, 0);
    if (then === 'right') move(0, 1);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (editing) return;
    if (!selected) return;
    const at = parseAddress(selected);
    if (e.key === 'ArrowDown') move(1, 0);
    else if (e.key === 'ArrowUp') move(-1, 0);
    else if (e.key === 'ArrowRight' || e.key === 'Tab') move(0, 1);
    else if (e.key === 'ArrowLeft') move(0, -1);
    else if (e.key === 'Enter' || e.key === 'F2') setEditing({ address: selected, text: workbook.editText(active, at.row, at.column) });
    else if (e.key === 'Delete' || e.key === 'Backspace') workbook.type(active, selected, '');
    else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) setEditing({ address: selected, text: e.key });
    else return;
    e.preventDefault();
  };

  const editValue =
    selected && sheetExists
      ? editing?.address === selected
        ? editing.text
        : workbook.editText(active, parseAddress(selected).row, parseAddress(selected).column)
      : '';
  const frozenRows = sheetExists ? workbook.frozen(active).rows : 0;
  return (
    <div className="pv-grid" data-testid="preview-grid">
      <div className="pv-formula-bar">
        <span className="pv-name-box" data-testid="name-box">
          {selected ?? ''}
        </span>
        <span className="pv-fx">fx</span>
        <span className="pv-formula" data-testid="formula-bar">
          {editing ? editing.text : editValue}
        </span>
      </div>
      <div
        className="pv-body"
        ref={body}
        tabIndex={0}
        onKeyDown={onKey}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        data-testid="grid-body"
      >
        {/* A fixed layout keeps the widths only when the table's own width is set: their sum. */}
        <table className="pv-table" style={{ height: rowCount * ROW_HEIGHT, width: ROW_HEADER_PX + widths.reduce((a, b) => a + b, 0) }}>
          <colgroup>
            <col style={{ width: ROW_HEADER_PX }} />
            {columns.map((c, i) => (
              <col key={c} style={{ width: widths[i] }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="pv-corner" />
              {columns.map((c) => (
                <th key={c} className={selectedAt?.column === c ? 'pv-head pv-head-on' : 'pv-head'}>
                  {cellAddress(1, c).replace(/\d+$/, '')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {first > 1 ? <tr style={{ height: (first - 1) * ROW_HEIGHT }} aria-hidden /> : null}
            {Array.from({ length: last - first + 1 }, (_, i) => first + i).map((r) => (
              <tr key={r} style={{ height: ROW_HEIGHT }} className={r <= frozenRows ? 'pv-frozen' : undefined}>
                <th className={selectedAt?.row === r ? 'pv-rownum pv-head-on' : 'pv-rownum'}>{r}</th>
                {columns.map((c) => {
                  const address = cellAddress(r, c);
                  if (editing?.address === address) {
                    return (
                      <td key={c} className="pv-cell pv-editing" data-cell={address}>
                        <input
                          autoFocus
                          className="pv-editor"
                          aria-label={`${active}!${address}`}
                          value={editing.text}
                          onChange={(e) => setEditing({ address, text: e.target.value })}
                          onBlur={() => commit('stay')}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter') {
                              e.preventDefault();
                              commit('down');
                              body.current?.focus();
                            } else if (e.key === 'Tab') {
                              e.preventDefault();
                              commit('right');
                              body.current?.focus();
                            } else if (e.key === 'Escape') {
                              setEditing(undefined);
                              body.current?.focus();
                            }
                          }}
                        />
                      </td>
                    );
                  }
                  const inSheet = sheetExists && r <= dims.rows && c <= dims.columns;
                  const value = inSheet ? workbook.value(active, r, c) : null;
                  const style = inSheet ? workbook.style(active, r, c) : {};
                  const text = displayValue(value, inSheet ? workbook.numberFormat(active, r, c) : undefined);
                  const numeric = typeof value === 'number';
                  return (
                    <td
                      key={c}
                      data-cell={address}
                      className={`pv-cell${selected === address ? ' pv-selected' : ''}${numeric ? ' pv-number' : ''}`}
                      title={text.length > 12 ? text : undefined}
                      style={{
                        background: style.fill,
                        color: style.fontColor,
                        fontWeight: style.bold ? 600 : undefined,
                        fontStyle: style.italic ? 'italic' : undefined,
                        textAlign: style.horizontal,
                        whiteSpace: style.wrap ? 'normal' : undefined,
                      }}
                      onMouseDown={(e) => select(e.shiftKey && selected ? spanOf(selected, address) : address)}
                      onDoubleClick={() => setEditing({ address, text: workbook.editText(active, r, c) })}
                    >
                      {text}
                    </td>
                  );
                })}
              </tr>
            ))}
            {last < rowCount ? <tr style={{ height: (rowCount - last) * ROW_HEIGHT }} aria-hidden /> : null}
          </tbody>
        </table>
      </div>
      {sheetExists && workbook.charts(active).length > 0 ? (
        <div className="pv-charts" aria-label="charts">
          {workbook.charts(active).map((chart) => (
            <ChartView key={chart.name} workbook={workbook} sheet={active} chart={chart} />
          ))}
        </div>
      ) : null}
      <div className="pv-tabs" role="tablist">
        {sheets.map((s) => (
          <button
            key={s}
            role="tab"
            aria-selected={s === active}
            className={s === active ? 'pv-tab pv-tab-on' : 'pv-tab'}
            onClick={() => {
              setEditing(undefined);
              setActive(s);
            }}
          >
            {s}
          </button>
        ))}
      </div>
    </div>
  );
}

/** Shift-click: the rectangle from the selected cell to the clicked one ("Submit selected rows" reads it). */
function spanOf(anchor: string, to: string): string {
  const a = parseAddress(anchor);
  const b = parseAddress(to);
  return `${cellAddress(Math.min(a.row, b.row), Math.min(a.column, b.column))}:${cellAddress(Math.max(a.row, b.row), Math.max(a.column, b.column))}`;
}
