// Prepared once per test run: see database.ts and redis.ts beside this file.
export default async function setup(): Promise<void> {}
