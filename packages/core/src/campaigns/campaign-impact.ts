// The impact of a campaign, per arm: the share of its members that later extracts showed taking up
// the benefit 1, 2, 3 and 6 months after the cohort was frozen, the follow-up outcomes declared, the
// estimated amounts of the rights taken up, and the uplift (contacted − comparison) with Newcombe's
// 95 % interval. Counts from 1 to 4 are suppressed as in the statistics, over the arms and their
// totals together; a share, an interval or an amount goes with the counts it is computed from.
// Without a comparison group, the cohort's take-up is set against the take-up of the benefit's cases
// in the month before the campaign: a before/after comparison, which is not a causal estimate.
import type { CampaignArm } from '@nonrecours/db';
import { type Equation, MIN_SHOWN_COUNT, suppressCells } from '../stats/cell-suppression.ts';
import type { StatCell } from '../stats/follow-up-stats.ts';
import { type Interval, newcombeDifference, wilsonInterval } from './difference-interval.ts';

export const impactHorizons = [1, 2, 3, 6] as const;
export const NON_CAUSAL_WARNING = 'pas de groupe témoin : estimation non causale';

/** One arm as the database counts it. */
export interface ArmGroup {
  arm: CampaignArm;
  members: number;
  contacted: number;
  unreachable: number;
  no_longer_presumed: number;
  /** Members observed taken up within each horizon, in the order of impactHorizons. */
  taken_up: number[];
  /** Sum of the estimated monthly amounts of the members observed taken up, and how many carry one. */
  taken_up_amount: number;
  taken_up_estimated: number;
  /** The members by their current follow-up outcome. */
  declared: Record<string, number>;
}

export interface ImpactInput {
  arms: ArmGroup[];
  /** Months from the cohort's month to the latest published run's. */
  monthsObserved: number;
  /** Without a comparison group: the benefit's cases of the month before and how many took up a month later. */
  before: { cases: number; taken_up: number } | null;
}

export interface TakeUp {
  months: number;
  /** Whether a published run is that many months after the cohort's. */
  observed: boolean;
  taken_up: StatCell;
  share: number | null;
  interval: Interval | null;
}

export interface ArmImpact {
  arm: CampaignArm;
  members: number;
  contacted: StatCell;
  unreachable: StatCell;
  no_longer_presumed: StatCell;
  take_up: TakeUp[];
  amount_monthly: StatCell;
  amount_annual: StatCell;
  declared: Record<string, StatCell>;
}

export interface Uplift {
  months: number;
  observed: boolean;
  suppressed: boolean;
  estimate: number | null;
  low: number | null;
  high: number | null;
}

export interface CampaignImpact {
  design: 'randomised' | 'before_after';
  warning: string | null;
  months_observed: number;
  arms: ArmImpact[];
  before: { cases: StatCell; taken_up: StatCell; share: number | null } | null;
  uplift: Uplift[];
}

const cell = (value: number, suppressed: boolean): StatCell =>
  suppressed ? { value: null, suppressed: true } : { value, suppressed: false };
const isSmall = (n: number) => n > 0 && n < MIN_SHOWN_COUNT;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function campaignImpact(input: ImpactInput, statuses: readonly string[]): CampaignImpact {
  const arms = [...input.arms].sort((a, b) => (a.arm < b.arm ? 1 : -1)); // contact first
  const randomised = arms.some((a) => a.arm === 'comparison');
  const values: number[] = [];
  const equations: Equation[] = [];
  const add = (n: number) => values.push(n) - 1;
  // Per arm, then the total of the arms, for each figure: the total row is the sum of the arms.
  const figure = (of: (a: ArmGroup) => number) => {
    const parts = arms.map((a) => add(of(a)));
    const total = add(parts.reduce((sum, i) => sum + values[i]!, 0));
    if (parts.length > 1) equations.push({ total, parts });
    return parts;
  };
  const contacted = figure((a) => a.contacted);
  const unreachable = figure((a) => a.unreachable);
  const gone = figure((a) => a.no_longer_presumed);
  // Taken up and not taken up add up to the arm's members, shown: a line of its own.
  const takenUp = impactHorizons.map((_, h) => figure((a) => a.taken_up[h]!));
  const notTakenUp = impactHorizons.map((_, h) => figure((a) => a.members - a.taken_up[h]!));
  const declared = statuses.map((s) => figure((a) => a.declared[s] ?? 0));
  // An arm's size is the campaign's design, shown: the parts of a line it totals are protected
  // among themselves (never one hidden alone, never hidden ones adding up to 1–4).
  const armLines = arms.flatMap((_, i) => [
    ...impactHorizons.map((_, h) => [takenUp[h]![i]!, notTakenUp[h]![i]!]),
    declared.map((d) => d[i]!),
  ]);
  const suppressed = protect(values, equations, armLines);
  const shown = (i: number) => cell(values[i]!, suppressed[i]!);

  const armImpacts = arms.map((a, i): ArmImpact => {
    const take_up = impactHorizons.map((months, h): TakeUp => {
      const observed = months <= input.monthsObserved;
      const hidden = suppressed[takenUp[h]![i]!]! || suppressed[notTakenUp[h]![i]!]!;
      const x = a.taken_up[h]!;
      return {
        months,
        observed,
        taken_up: observed ? shown(takenUp[h]![i]!) : { value: null, suppressed: false },
        share: observed && !hidden && a.members > 0 ? round4(x / a.members) : null,
        interval: observed && !hidden && a.members > 0 ? rounded(wilsonInterval(x, a.members)) : null,
      };
    });
    const takenUpLatest = a.taken_up[impactHorizons.length - 1]!;
    const amountHidden =
      suppressed[takenUp[impactHorizons.length - 1]![i]!]! || isSmall(a.taken_up_estimated);
    const monthly = Math.round(a.taken_up_amount * 100) / 100;
    return {
      arm: a.arm,
      members: a.members,
      contacted: shown(contacted[i]!),
      unreachable: shown(unreachable[i]!),
      no_longer_presumed: shown(gone[i]!),
      take_up,
      amount_monthly:
        takenUpLatest === 0 ? cell(0, false) : amountHidden ? cell(0, true) : cell(monthly, false),
      amount_annual:
        takenUpLatest === 0
          ? cell(0, false)
          : amountHidden
            ? cell(0, true)
            : cell(Math.round(monthly * 1200) / 100, false),
      declared: Object.fromEntries(statuses.map((s, d) => [s, shown(declared[d]![i]!)])),
    };
  });

  let before: CampaignImpact['before'] = null;
  const uplift = impactHorizons.map((months, h): Uplift => {
    const observed = months <= input.monthsObserved;
    const none = { months, observed, suppressed: false, estimate: null, low: null, high: null };
    if (!observed) return none;
    const c = arms.findIndex((a) => a.arm === 'contact');
    if (c < 0) return none;
    if (armImpacts[c]!.take_up[h]!.share === null) return { ...none, suppressed: true };
    const treated = { successes: arms[c]!.taken_up[h]!, n: arms[c]!.members };
    let control: { successes: number; n: number } | null = null;
    if (randomised) {
      const k = arms.findIndex((a) => a.arm === 'comparison');
      if (armImpacts[k]!.take_up[h]!.share === null) return { ...none, suppressed: true };
      control = { successes: arms[k]!.taken_up[h]!, n: arms[k]!.members };
    } else if (input.before && h === 0) {
      // Before/after: one month of take-up against one month of take-up.
      const b = input.before;
      if (b.cases === 0 || isSmall(b.taken_up) || isSmall(b.cases - b.taken_up))
        return { ...none, suppressed: b.cases > 0 };
      control = { successes: b.taken_up, n: b.cases };
    }
    if (!control) return none;
    const d = newcombeDifference(treated, control);
    return {
      months,
      observed,
      suppressed: false,
      estimate: round4(d.estimate),
      low: round4(d.low),
      high: round4(d.high),
    };
  });
  if (!randomised && input.before) {
    const b = input.before;
    const hidden = isSmall(b.taken_up) || isSmall(b.cases - b.taken_up);
    before = {
      cases: cell(b.cases, isSmall(b.cases)),
      taken_up: cell(b.taken_up, hidden),
      share: !hidden && b.cases > 0 ? round4(b.taken_up / b.cases) : null,
    };
  }
  return {
    design: randomised ? 'randomised' : 'before_after',
    warning: randomised ? null : NON_CAUSAL_WARNING,
    months_observed: input.monthsObserved,
    arms: armImpacts,
    before,
    uplift,
  };
}

const rounded = (i: Interval): Interval => ({ low: round4(i.low), high: round4(i.high) });

/**
 * The cells to suppress: the statistics' suppression over the arms and their totals, and within each
 * line whose total is public (an arm's size) the same two rules, until both hold together.
 */
function protect(
  values: readonly number[],
  equations: readonly Equation[],
  lines: readonly number[][],
): boolean[] {
  let forced = values.map(() => false);
  for (;;) {
    const suppressed = suppressCells({ values, equations, forced });
    let changed = false;
    for (const line of lines) {
      const hidden = line.filter((c) => suppressed[c]);
      const sum = hidden.reduce((total, c) => total + values[c]!, 0);
      if (hidden.length !== 1 && !isSmall(sum)) continue;
      const complement = line
        .filter((c) => !suppressed[c] && values[c]! > 0)
        .sort((a, b) => values[a]! - values[b]! || a - b)[0];
      const next = complement ?? line.find((c) => !suppressed[c]);
      if (next === undefined) continue;
      suppressed[next] = true;
      changed = true;
    }
    if (!changed) return suppressed;
    forced = suppressed;
  }
}
