import { createPseudonymiser, decodeAnyClk, dice, parseKey } from '@nonrecours/pseudo';
import { describe, expect, it } from 'vitest';
import { candidatePairs, DICE_FLOOR, DICE_LEVELS, diceLevel } from './candidate-pairs.ts';
import { filterOfClk } from './clk-blocks.ts';

const p = createPseudonymiser(parseKey('AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8'));

describe('candidate pairs', () => {
  it('puts a score in the level of the highest bound it reaches', () => {
    expect(diceLevel(1)).toBe(0);
    expect(diceLevel(0.95)).toBe(0);
    expect(diceLevel(0.9499)).toBe(1);
    expect(diceLevel(DICE_FLOOR)).toBe(DICE_LEVELS.length - 1);
    expect(diceLevel(0.2)).toBe(DICE_LEVELS.length);
  });

  it('compares within a block (version and month), keeps pairs from the floor and counts every comparison', () => {
    const v2 = (family: string, given: string, date: string) =>
      filterOfClk(p.identityClkV2Text(family, given, date), date.slice(0, 7));
    const v1 = (family: string, given: string, date: string) =>
      filterOfClk(p.identityClkText(family, given, date), date.slice(0, 7));
    const tenants = [
      { key: 't1', ...v2('Dupnot', 'Jean Marie', '1985-05-12') },
      { key: 't2', ...v1('Dupont', 'Jean', '1985-05-12') },
    ];
    const families = [
      { key: 'f1', ...v2('Dupont', 'Marie Jean', '1985-05-12') },
      { key: 'f2', ...v2('Kerbrat', 'Soizic', '1985-05-02') },
      { key: 'f3', ...v2('Dupont', 'Jean', '1985-06-12') },
      { key: 'f4', ...v1('Dupont', 'Jean', '1985-05-12') },
    ];
    expect(tenants[0]!.block).toBe('v2:1985-05');
    const { pairs, comparisonsByLevel } = candidatePairs(tenants, families);
    // t1 meets f1 and f2 (v2, May), t2 meets f4 only (v1, May).
    expect(comparisonsByLevel.reduce((a, b) => a + b, 0)).toBe(3);
    expect(pairs.map((x) => `${x.tenant}-${x.family}`).sort()).toEqual(['t1-f1', 't2-f4']);
    const t1f1 = pairs.find((x) => x.family === 'f1')!;
    expect(t1f1.dice).toBe(dice(tenants[0]!.clk, families[0]!.clk));
    expect(t1f1.level).toBe(diceLevel(t1f1.dice));
    expect(pairs.find((x) => x.family === 'f4')).toMatchObject({ dice: 1, level: 0 });
    expect(comparisonsByLevel.at(-1)).toBe(1);
    expect(decodeAnyClk(p.identityClkV2Text('Dupont', 'Jean', '1985-05-12')).version).toBe(2);
  });
});
