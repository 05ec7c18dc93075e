export * from './reference.ts';
export * from './programmes.ts';
export * from './people.ts';
export * from './accounts.ts';
export * from './audit.ts';
export * from './jobs.ts';
export * from './imports.ts';
export * from './schedule.ts';
