// The committed territory's CAF extract as it could be the month after: some households now receive
// RSA, some have resources above every threshold, some are gone from the file.
import { readFileSync } from 'node:fs';
import { territoryDir } from './territory.ts';

export const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/** The fixture's caf extract with these households (household_pseudo) changed. */
export function nextMonthCafExtract(changes: {
  takeUpRsa?: readonly string[];
  earnMore?: readonly string[];
  leave?: readonly string[];
}): string {
  const lines = readFileSync(new URL('caf.extract.csv', territoryDir), 'utf8').trimEnd().split('\n');
  const columns = lines[0]!.split(';');
  const col = (name: string) => columns.indexOf(name);
  const next = [lines[0]!];
  for (const line of lines.slice(1)) {
    const fields = line.split(';');
    const household = fields[col('household_pseudo')]!;
    if (changes.leave?.includes(household)) continue;
    if (changes.takeUpRsa?.includes(household)) fields[col('rsa')] = '1';
    if (changes.earnMore?.includes(household)) fields[col('household_resources')] = '9000.00';
    next.push(fields.join(';'));
  }
  return `${next.join('\n')}\n`;
}
