// The pseudonymisation contract of EXTRACTS.md: convention keys, NIR and name normalisation,
// pseudonyms, identity Bloom filters and their Dice similarity, and the shape checks the service
// applies to uploaded values.

export * from './clear-identifiers.ts';
export * from './clk-dice.ts';
export * from './clk-v2.ts';
export * from './convention-key.ts';
export * from './extract-columns.ts';
export * from './hmac-sha256.ts';
export * from './nir.ts';
export * from './normalise-name.ts';
export * from './pseudonymiser.ts';
