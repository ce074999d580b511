/**
 * The definitions sheet (ตัวชี้วัด): the central office defines an assessment in a sheet instead of JSON.
 * `definitionsSheetPlan(document, locale)` writes it (through the workbook port, or the CLI's exceljs writer);
 * `readDefinitionsSheet(grid, { settings, merges })` reads it back into a document, with issues at their cells.
 */
export {
  DEFINITIONS_SETTINGS_SHEET,
  DEFINITIONS_SHEET,
  definitionColumns,
  DIRECTION_WORDS,
  KIND_WORDS,
  type DefinitionColumn,
  type DefinitionRole,
} from './columns';
export { cellRef } from './cellRead';
export { readDefinitionsSheet, type DefinitionsReading, type DefinitionsReadOptions } from './readSheet';
export {
  definitionsSheetCells,
  definitionsSheetPlan,
  exampleDefinitionsDocument,
  FIRST_ROW as DEFINITIONS_FIRST_ROW,
  HEADER_ROW as DEFINITIONS_HEADER_ROW,
  type DefinitionsCells,
  type DefinitionsLocale,
} from './writeSheet';
