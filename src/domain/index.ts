/** The domain's public face: what the workbook, the add-in, the server and the CLI may use. */
export * from './assessment';
export * from './curve';
export * from './documentSchema';
export * from './issues';
export * from './jsonPath';
export * from './policies';
export * from './readAssessment';
export * from './readResults';
export * from './resultValue';
export * from './scale';
export * from './scoreAssessment';
export * from './thaiDates';
export * from './thaiNumbers';
export * from './whatIf';
export * from './rowChange';
