/**
 * The pane's few layout rules, as one style sheet the App renders (no CSS loader needed in either bundle). Colours
 * come from Fluent's tokens, so the pane follows the theme Office gives it.
 */
import { tokens } from '@fluentui/react-components';

export const PANE_CSS = `
.sb-pane { display: flex; flex-direction: column; gap: 8px; padding: 8px 12px 24px; font-family: ${tokens.fontFamilyBase};
  font-size: ${tokens.fontSizeBase300}; min-width: 0; }
.sb-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.sb-brand { font-weight: ${tokens.fontWeightSemibold}; font-size: ${tokens.fontSizeBase400}; }
.sb-bound { color: ${tokens.colorNeutralForeground3}; overflow-wrap: anywhere; }
.sb-stack { display: flex; flex-direction: column; gap: 8px; min-width: 0; }
.sb-row { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
.sb-align-end { align-self: flex-end; }
.sb-align-start { align-self: flex-start; }
.sb-status { display: flex; flex-direction: column; gap: 4px; }
.sb-total { display: flex; flex-direction: column; padding: 8px 12px; border-radius: ${tokens.borderRadiusMedium};
  background: ${tokens.colorBrandBackground2}; }
.sb-total-whatif { background: ${tokens.colorPalettePurpleBackground2}; }
.sb-total-label { font-weight: ${tokens.fontWeightSemibold}; }
/* Self-assessed and certified side by side in one card; one under the other when the pane is narrow. */
.sb-total-pair { display: flex; flex-wrap: wrap; gap: 4px 16px; }
.sb-total-pair > div { display: flex; flex-direction: column; min-width: 0; }
.sb-total-second { font-size: ${tokens.fontSizeHero700}; line-height: ${tokens.lineHeightHero700}; font-weight: ${tokens.fontWeightSemibold};
  font-variant-numeric: tabular-nums; color: ${tokens.colorNeutralForeground2}; }
/* A row not due in this round: greyed, its status said instead of a level. */
.sb-not-due td { color: ${tokens.colorNeutralForegroundDisabled}; background: ${tokens.colorNeutralBackground3}; }
.sb-not-due .sb-muted { color: ${tokens.colorNeutralForeground2}; }
.sb-total-value { font-size: ${tokens.fontSizeHero700}; line-height: ${tokens.lineHeightHero700}; font-weight: ${tokens.fontWeightSemibold};
  font-variant-numeric: tabular-nums; }
.sb-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; width: 72px; }
th.sb-num { white-space: normal; }
.sb-pane .fui-Select, .sb-pane .fui-Input, .sb-pane .fui-Field { max-width: 100%; min-width: 0; }
.sb-pane select { min-width: 0; max-width: 100%; text-overflow: ellipsis; }
.sb-indicator { display: flex; flex-direction: column; min-width: 0; }
.sb-indicator-name { display: -webkit-box; -webkit-line-clamp: 2; -webkit-box-orient: vertical; overflow: hidden; }
.sb-child .sb-indicator-name { padding-left: 12px; }
.sb-muted { color: ${tokens.colorNeutralForeground3}; }
.sb-invalid { color: ${tokens.colorPaletteRedForeground1}; }
.sb-issue-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
.sb-issue { padding: 4px 8px; border-left: 3px solid ${tokens.colorNeutralStroke1}; background: ${tokens.colorNeutralBackground2}; }
.sb-issue-error { border-left-color: ${tokens.colorPaletteRedBorder2}; }
.sb-issue-warning { border-left-color: ${tokens.colorPaletteYellowBorder2}; }
.sb-cell-link { font-family: ${tokens.fontFamilyMonospace}; font-size: ${tokens.fontSizeBase200}; margin-right: 4px; }
/* Excel gives the pane 320–350 px: the tab row wraps instead of pushing tabs past the edge, and nothing may make
   the pane scroll sideways (long ids, file names and addresses break). */
.sb-pane .fui-TabList { flex-wrap: wrap; row-gap: 2px; }
.sb-pane .fui-Tab { padding-left: 6px; padding-right: 6px; }
.sb-pane { overflow-wrap: anywhere; }
/* Thai vowels and tone marks sit above and below the line: 1.5 keeps them from being clipped by the next line. */
[lang="th"] .sb-pane, [lang="th"] .sb-pane .fui-Label, [lang="th"] .sb-pane .fui-Text, [lang="th"] .sb-pane li,
[lang="th"] .sb-pane .fui-Checkbox__label, [lang="th"] .sb-pane .fui-Field__hint, [lang="th"] .sb-pane .fui-MessageBarBody,
[lang="th"] .sb-pane .fui-TableCell, [lang="th"] .sb-pane .fui-TableHeaderCell { line-height: 1.5; }
/* The multi-unit table: the unit's name (and its counts under it) take what the total leaves. */
.sb-unit-table { table-layout: auto; }
.sb-unit-table .sb-num { width: 72px; vertical-align: top; }
.sb-unit-cell { gap: 0; padding: 4px 0; }
/* The what-if ranking in a pane narrower than 480 px (Excel's is 320–350): each row stacks, the indicator's name
   wrapping whole on its own lines (no clamp: Thai marks above and below stay inside), the three figures under it,
   each with its header as a label; the header row stays for screen readers only. Wider, it is a plain table. */
.sb-gains-wrap { container-type: inline-size; min-width: 0; }
@container (max-width: 480px) {
  .sb-pane .sb-gains, .sb-pane .sb-gains .fui-TableBody { display: block; width: 100%; }
  .sb-pane .sb-gains .fui-TableHeader { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .sb-pane .sb-gains .fui-TableBody .fui-TableRow { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); column-gap: 8px;
    padding: 6px 0; height: auto; }
  .sb-pane .sb-gains .fui-TableCell { display: block; width: auto; min-width: 0; padding: 0; height: auto; }
  .sb-pane .sb-gains .fui-TableCell:first-child { grid-column: 1 / -1; padding-bottom: 2px; }
  .sb-pane .sb-gains .sb-indicator-name { display: block; -webkit-line-clamp: unset; overflow: visible; }
  .sb-pane .sb-gains .sb-num { text-align: left; white-space: normal; }
  .sb-pane .sb-gains .sb-num::before { content: attr(data-label); display: block; font-size: ${tokens.fontSizeBase200};
    color: ${tokens.colorNeutralForeground3}; }
}
.sb-approval-list { margin: 0; padding: 0; list-style: none; display: flex; flex-direction: column; gap: 12px; }
.sb-approval { display: flex; flex-direction: column; gap: 2px; padding-bottom: 8px; border-bottom: 1px solid ${tokens.colorNeutralStroke2}; }
.sb-approval-detail { display: flex; flex-direction: column; gap: 2px; padding-left: 32px; }
/* The history view: the inline chart scales to the pane; the table of points keeps its figures on one line. */
.sb-history-chart { display: block; width: 100%; height: auto; max-height: 220px; }
.sb-history-legend { display: inline-flex; align-items: center; gap: 4px; font-size: ${tokens.fontSizeBase200}; }
.sb-history-swatch { display: inline-block; width: 12px; height: 3px; }
.sb-history-table { border-collapse: collapse; width: 100%; font-size: ${tokens.fontSizeBase200}; }
.sb-history-table th, .sb-history-table td { padding: 2px 4px; border-bottom: 1px solid ${tokens.colorNeutralStroke2}; text-align: right;
  font-variant-numeric: tabular-nums; }
.sb-history-table th[scope="row"], .sb-history-table thead th:first-child { text-align: left; font-weight: normal; }
/* Headers break between words (Thai too: Chromium's dictionary), not inside one, in the narrow columns. */
.sb-history-table th { overflow-wrap: normal; }
.sb-history-table td { white-space: nowrap; }
/* The notice that the definitions changed: said above the Server tab's work. */
.sb-notice { padding: 8px; border-left: 3px solid ${tokens.colorPaletteYellowBorder2}; background: ${tokens.colorNeutralBackground2}; }
`;
