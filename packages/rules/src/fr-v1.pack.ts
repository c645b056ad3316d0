// Rule pack fr.v1 (RULES.md, APL.md): its eight rules, in the order that breaks ties between equally
// confident results for the same case (C2S.RESOURCES before C2S.ASPA: the one that can say `free`
// leads a C2S case), and what it does not cover (Mayotte).

import { aplLandlordRule } from './rules/apl-landlord.rule.ts';
import { aspaPensionRule } from './rules/aspa-pension.rule.ts';
import { c2sAspaRule } from './rules/c2s-aspa.rule.ts';
import { c2sResourcesRule } from './rules/c2s-resources.rule.ts';
import { c2sRsaRule } from './rules/c2s-rsa.rule.ts';
import { frV1NotCovered } from './rules/coverage.ts';
import { ppaActivityRule } from './rules/ppa-activity.rule.ts';
import { rsaResourcesRule } from './rules/rsa-resources.rule.ts';
import { rsaUnknownToCafRule } from './rules/rsa-unknown-to-caf.rule.ts';
import type { RulePack } from './rules/rule.ts';

export const frV1: RulePack = {
  id: 'fr.v1',
  rules: [
    c2sRsaRule,
    c2sResourcesRule,
    c2sAspaRule,
    rsaResourcesRule,
    ppaActivityRule,
    aspaPensionRule,
    rsaUnknownToCafRule,
    aplLandlordRule,
  ],
  notCovered: frV1NotCovered,
};
