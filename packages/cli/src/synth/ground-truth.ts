// The cases fr.v1 must find in a generated household, read from the generator's own model with
// the conditions of RULES.md, never by calling packages/rules. One row per rule that fires: a run
// keeps one case per (subject, benefit), the others being its supporting evidence.

import type { ExtractKind } from '@nonrecours/pseudo';
import {
  aspaCeilings,
  aspaCoupleShare,
  c2sAnnualResources,
  c2sCeilings,
  isMayotte,
  ppaAmount,
  rsaAmount,
  toCents,
} from './entitlements.ts';
import { type Household, inCaf, inCarsat, inCpam, inMsa, members } from './household.ts';
import {
  adultActivity,
  age,
  c2sView,
  familyUnit,
  ppaActivityCondition,
  rsaAgeCondition,
  tenancyAgeCondition,
  tenancyUnit,
} from './household-rules.ts';
import { aplAmount } from './housing-aid.ts';
import { aplTenancy } from './landlord-v2.ts';
import { fixed } from './legal-parameters.ts';

export type Benefit = 'rsa' | 'ppa' | 'c2s' | 'aspa' | 'housing_aid';

/**
 * What the case needs from linkage: `exact`, a person_pseudo join across two extracts; `none`, a
 * single extract; `absent`, that no tenant links to any caf or msa row, exactly or fuzzily.
 */
export type LinkNeed = 'exact' | 'none' | 'absent';

export type TruthRow = {
  /** person_pseudo (of the allocataire for household rules), or the tenancy's household_pseudo. */
  subject: string;
  subjectKind: 'person' | 'household' | 'tenancy';
  benefit: Benefit;
  rule: string;
  link: LinkNeed;
  /** The extract whose row or household the rule reads. */
  source: ExtractKind;
  /** Estimated monthly amount where the rule gives one, to the cent. */
  amount: number | null;
};

export const truthColumns = ['subject_pseudo', 'subject_kind', 'benefit', 'rule', 'link', 'source', 'amount'];

export function groundTruth(asOf: number, h: Household): TruthRow[] {
  const rows: TruthRow[] = [];
  if (isMayotte(h.commune)) return rows;
  const family: ExtractKind | null = inCaf(h) ? 'caf' : inMsa(h) ? 'msa' : null;

  if (family) {
    const allocataire = h.adults[0]!.pseudo;
    const unit = familyUnit(h);
    const household = {
      subject: allocataire,
      subjectKind: 'household',
      source: family,
      link: 'none',
    } as const;
    if (!h.rsa && rsaAgeCondition(asOf, h)) {
      const rsa = rsaAmount(asOf, unit);
      if (rsa >= fixed.rsaMinimum)
        rows.push({ ...household, benefit: 'rsa', rule: 'RSA.RESOURCES', amount: toCents(rsa) });
    }
    if (!h.ppa && !h.rsa && ppaActivityCondition(asOf, h)) {
      const ppa = ppaAmount(asOf, unit, adultActivity(h)).mean;
      if (ppa >= fixed.ppaMinimum) {
        rows.push({ ...household, benefit: 'ppa', rule: 'PPA.ACTIVITY', amount: toCents(ppa) });
      }
    }
    const view = c2sView(h);
    const underCeiling = c2sAnnualResources(asOf, view) <= c2sCeilings(asOf, view).participation;
    // The msa row carries its own c2s; a caf member needs its cpam row, joined on person_pseudo.
    const link = family === 'caf' ? 'exact' : 'none';
    for (const p of members(h)) {
      const health = family === 'msa' || inCpam(h, p) ? h.c2s : null;
      if (health !== 'none') continue;
      const person = {
        subject: p.pseudo,
        subjectKind: 'person',
        benefit: 'c2s',
        link,
        source: family,
        amount: null,
      } as const;
      if (h.rsa) rows.push({ ...person, rule: 'C2S.RSA' });
      if (underCeiling) rows.push({ ...person, rule: 'C2S.RESOURCES' });
    }
  }

  const { single, couple } = aspaCeilings(asOf);
  for (const [i, p] of h.adults.entries()) {
    const source: ExtractKind | null = inCarsat(h, p) ? 'carsat' : inMsa(h) && p.pension > 0 ? 'msa' : null;
    if (!source) continue;
    // carsat: `couple`; msa: household_adults = 2. Couples need household_resources (always on msa rows).
    const isCouple = h.adults.length === 2;
    const coupleResources = source === 'carsat' ? h.carsatResources : h.resources;
    if (age(asOf, p) >= fixed.aspaAge && !p.aspa) {
      const resources = isCouple ? coupleResources : p.pension;
      const ceiling = isCouple ? couple : single;
      if (resources !== null && 12 * resources < ceiling) {
        // The partner's age: from the msa household, or from carsat's partner_birth_ym when stated.
        const partner = h.adults[1 - i];
        const partnerKnown = partner !== undefined && (source === 'msa' || h.carsatStatesPartner);
        const amount = isCouple
          ? aspaCoupleShare(asOf, resources, partnerKnown ? age(asOf, partner) >= fixed.aspaAge : null)
          : ceiling / 12 - resources;
        rows.push({
          subject: p.pseudo,
          subjectKind: 'person',
          benefit: 'aspa',
          rule: 'ASPA.PENSION',
          link: 'none',
          source,
          amount: toCents(amount),
        });
      }
    }
    const health = source === 'msa' ? h.c2s : inCpam(h, p) ? h.c2s : null;
    if (p.aspa && health === 'none') {
      const link = source === 'msa' ? 'none' : 'exact';
      rows.push({
        subject: p.pseudo,
        subjectKind: 'person',
        benefit: 'c2s',
        rule: 'C2S.ASPA',
        link,
        source,
        amount: null,
      });
    }
  }

  if (h.socialTenant && !inCaf(h) && !inMsa(h) && tenancyAgeCondition(asOf, h)) {
    const rsa = rsaAmount(asOf, tenancyUnit(h));
    if (rsa >= fixed.rsaMinimum) {
      rows.push({
        subject: h.tenancyPseudo,
        subjectKind: 'tenancy',
        benefit: 'rsa',
        rule: 'RSA.UNKNOWN_TO_CAF',
        link: 'absent',
        source: 'landlord',
        amount: toCents(rsa),
      });
    }
  }

  // APL.LANDLORD (APL.md): a landlord.v2 tenancy without APL whose estimated aid is above 0.
  const tenancy = h.socialTenant && !h.housingAid && h.landlordV2 ? aplTenancy(h, h.landlordV2) : null;
  if (tenancy) {
    const aid = aplAmount(asOf, tenancy);
    if (aid > 0) {
      rows.push({
        subject: h.tenancyPseudo,
        subjectKind: 'tenancy',
        benefit: 'housing_aid',
        rule: 'APL.LANDLORD',
        link: 'none',
        source: 'landlord',
        amount: aid,
      });
    }
  }
  return rows;
}
