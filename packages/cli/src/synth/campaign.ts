// `synth --months N --campaign-effect P`: a territory where contact works. The open cases of the
// first month are a campaign's cohort, split into a contacted arm and a comparison group — drawn here
// as the service draws them (stratified by benefit and commune, from a seed), or read from the
// service's own assignment. Each cohort case is a "responder" with chance P / (1 − move-out), from a
// stream of its own: a responder takes up only if contacted, the month after the contact; every
// other case takes up at the ordinary rate whatever its arm. So the contacted arm's take-up exceeds
// the comparison group's by P at every horizon, in expectation: the ground truth's true uplift. The
// comparison group is never in any month's contacts, nor is any cohort case after the first month.
import { assignArms } from '@nonrecours/core/campaigns/campaign-assignment.ts';
import type { CampaignArm } from '@nonrecours/db';
import type { CaseKey } from './case-states.ts';
import { createRng } from './prng.ts';

export type CampaignOptions = {
  /** The stated effect: contacted minus comparison take-up, in expectation. */
  effect: number;
  /** The comparison group's share of each stratum, when the arms are drawn here. */
  share: number;
  /** The seed of the arms drawn here. */
  seed: string;
  /**
   * The benefits of the cohort. A household takes up C2S and ASPA for all its members at once: a
   * campaign over their person cases would contact some members and spill over to their comparison
   * housemates, so the default keeps to the household benefits.
   */
  benefits?: readonly string[];
  /** The service's assignment (subject, kind, benefit → arm), in place of drawing one. */
  arms?: ReadonlyMap<string, CampaignArm>;
};

export type CampaignMembership = { arm: CampaignArm; responder: boolean; contactMonth: number };

export const campaignColumns = ['subject_pseudo', 'subject_kind', 'benefit', 'commune', 'arm', 'responder'];

export const defaultCampaignBenefits = ['rsa', 'ppa'] as const;

export const campaignKey = (c: CaseKey): string => `${c.subjectKind}|${c.subject}|${c.benefit}`;

export type CampaignSummary = {
  month: string;
  effect: number;
  /**
   * The cohort's responders still in the territory and entitled the month after the contact (whom the
   * contact turns into take-up), over the cohort: contacted minus comparison take-up had everyone
   * been contacted, minus had no one been (the sample's average effect). Expected: the effect.
   */
  true_uplift: number | null;
  /** Those responders, by arm. */
  compliers: { contact: number; comparison: number } | null;
  share: number | null;
  seed: string | null;
  assignment: 'drawn' | 'given';
  cohort: number;
  contact: number;
  comparison: number;
  responders: { contact: number; comparison: number };
};

/** The cohort's memberships, by campaign key. */
export function campaignMemberships(
  options: CampaignOptions,
  cohort: readonly (CaseKey & { commune: string })[],
  contactMonth: number,
  moveOut: number,
  seed: string,
): Map<string, CampaignMembership> {
  const benefits: readonly string[] = options.benefits ?? defaultCampaignBenefits;
  cohort = cohort.filter((c) => benefits.includes(c.benefit));
  const arms =
    options.arms ??
    assignArms(
      cohort.map((c) => ({ ref: campaignKey(c), benefit: c.benefit, commune: c.commune })),
      { share: options.share, seed: options.seed },
    );
  const chance = options.effect / (1 - moveOut);
  const memberships = new Map<string, CampaignMembership>();
  for (const c of cohort) {
    const key = campaignKey(c);
    const arm = arms.get(key);
    if (!arm) continue;
    const responder = createRng(seed, `campaign responder ${key}`).chance(chance);
    memberships.set(key, { arm, responder, contactMonth });
  }
  return memberships;
}

/** A case of the cohort takes up by the ordinary draw unless it is a responder, which waits for contact. */
export const ordinaryTakeUp = (m: CampaignMembership | undefined, drawn: boolean): boolean =>
  drawn && !m?.responder;

/**
 * Whether a responder would take up this month if contacted: the month after the contact, still in
 * the territory and still entitled once the month's changes are made. Either arm: the comparison
 * group's responders are those the contact would have reached, which the true uplift counts.
 */
export const responds = (m: CampaignMembership | undefined, month: number, entitled: boolean): boolean =>
  m?.responder === true && month === m.contactMonth + 1 && entitled;

/** Reads the service's assignment: `subject_pseudo;subject_kind;benefit;arm` (a header row first). */
export function parseCampaignArms(text: string): Map<string, CampaignArm> {
  const [header, ...lines] = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const columns = header!.split(';');
  const at = (name: string) => {
    const i = columns.indexOf(name);
    if (i < 0) throw new RangeError(`the campaign arms file needs a ${name} column`);
    return i;
  };
  const [s, k, b, a] = [at('subject_pseudo'), at('subject_kind'), at('benefit'), at('arm')];
  const arms = new Map<string, CampaignArm>();
  for (const line of lines) {
    const v = line.split(';');
    if (v[a] !== 'contact' && v[a] !== 'comparison') throw new RangeError(`unknown arm ${v[a]}`);
    arms.set(`${v[k]}|${v[s]}|${v[b]}`, v[a]);
  }
  return arms;
}
