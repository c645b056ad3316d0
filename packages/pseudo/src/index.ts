export * from './extract-columns.ts';
