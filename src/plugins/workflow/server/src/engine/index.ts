// The workflow engine: plain TypeScript, no Strapi import. The Strapi side of the plugin loads
// documents and related data, then calls these pure functions.
export * from './types';
export * from './durations';
export * from './guards';
export * from './validate';
export * from './evaluate';
export * from './set';
export * from './roles';
export * from './defaults';
