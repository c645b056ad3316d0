// Public API of @nonrecours/french: the French words for the service's codes, the formats of
// numbers, amounts and dates, the typography rules, the extract columns' names and the communes.
export * from './columns.ts';
export * from './communes.ts';
export * from './dates.ts';
export * from './numbers.ts';
export * from './typography.ts';
export * from './vocabulary.ts';
