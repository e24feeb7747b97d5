export * from './eventually';
export * from './service-process';
export * from './stack';
export * from './kafka';
export * from './fixtures';
export * from './tokens';
export * from './app-context';
export * from './api-contract';
