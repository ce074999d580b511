/** The reporting API contract: request and response shapes shared by the server and the add-in's client. */
export * from './assessments';
export * from './attachments';
export * from './audit';
export * from './common';
export * from './reportDocument';
export * from './errors';
export * from './history';
export * from './overview';
export * from './reports';
export * from './roundReports';
export * from './scores';
export * from './sessions';
export * from './routes';
export * from './text';
