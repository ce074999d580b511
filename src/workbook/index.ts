/** The workbook layer's public face: the KPI template layout, its formulas, and reading a filled sheet back. */
export * from './binding';
export * from './cells';
export * from './formulas';
export * from './headers';
export * from './layout';
export * from './readGrid';
export * from './resultCells';
export * from './settings';
export * from './sheetContent';
export * from './targetCells';
export * from './targetFormulas';
export * from './stepWords';
export * from './numberFormats';
export * from './printLayout';
export * from './definitions';
