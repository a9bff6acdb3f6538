/** Public surface of the DigitalOcean client. Nothing here imports `vscode`. */
export * from './client';
export * from './errors';
export * from './actions';
export * from './rateLimit';
export * from './transport';
export * from './resources/index';
export * from './operations';
export * from './monitoring';
