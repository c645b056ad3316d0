// A case told in plain French for the agent who reviews it, as a caseworker would write it: the
// presumption and its rule, the amount, each legal parameter with its value, date and text, each value
// read with where it comes from and how it was linked, and the known limits. No column name, no code:
// the words are the vocabulary's (@nonrecours/french). It is built from what the viewer may see, so a
// partner's version carries no other partner's value.
import {
  aSubject,
  capitalised,
  columnLabel,
  columnValue,
  confidenceLabels,
  dayInWords,
  euros,
  extractNames,
  kindLabels,
  label,
  monthInWords,
  ofMonth,
  outcomeLabels,
  parameterValue,
  ruleLabels,
  toBenefit,
  variantLabels,
} from '@nonrecours/french';
import type { InputUse, ParameterUse } from '@nonrecours/rules';
import type { CaseEvidenceView, EvidenceView } from './case-evidence.ts';

export interface CaseToRender {
  subject_kind: 'person' | 'household' | 'tenancy';
  benefit: string;
  variant: string | null;
  rule: string;
  rule_version: string;
  confidence: string;
  estimated_amount: number | null;
  status: string;
  rests_on: readonly string[];
  withheld: boolean;
  evidence: CaseEvidenceView;
}

/** How a value reached the case, at the end of its sentence. */
const linkWords: Record<InputUse['link'], string> = {
  own_row: 'ligne de la personne ou du foyer',
  household_pseudo: 'ligne d’un autre membre du foyer',
  person_pseudo: 'rapprochée par le numéro de sécurité sociale pseudonymisé',
  identity_pseudo: 'rapprochée par le nom, le prénom et la date de naissance pseudonymisés',
  identity_clk: 'rapprochée par ressemblance d’identité : rapprochement approché, à confirmer',
};

const lower = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const ruleName = (id: string) => (ruleLabels[id] ? `« ${ruleLabels[id]} »` : id);

function parameterSentence(p: ParameterUse): string {
  return (
    `${capitalised(p.label)} : ${parameterValue(p.value, p.unit)}, en vigueur depuis le ` +
    `${dayInWords(p.effective_from)} (valeur retenue pour ${monthInWords(p.month)}) — ${p.reference.title}.`
  );
}

function inputSentence(input: InputUse): string {
  return (
    `${capitalised(columnLabel(input.column, input.reference_month))} : ${columnValue(input.column, input.value)} ` +
    `(${extractNames[input.kind] ?? 'extrait'} ${ofMonth(input.reference_month)}, ${linkWords[input.link]}).`
  );
}

function evidenceSentences(e: EvidenceView): string[] {
  return [
    ...e.parameters.map(parameterSentence),
    ...e.inputs.map(inputSentence),
    ...(e.inputs_withheld
      ? ['D’autres données, venant des extraits d’autres partenaires, ont servi et ne sont pas montrées ici.']
      : []),
  ];
}

export function caseInFrench(c: CaseToRender): string[] {
  const e = c.evidence;
  const variant = c.variant ? ` ${label(variantLabels, c.variant)}` : '';
  // The explanation ends with its limits: they get a line of their own, which a partner also reads.
  const reasoning = e.explanation?.slice(0, e.limits ? -e.limits.length : undefined).trim();
  const confidence = lower(label(confidenceLabels, c.confidence));
  return [
    `Présomption de non-recours ${toBenefit[c.benefit] ?? c.benefit}${variant} pour ${aSubject[c.subject_kind]}, ` +
      `selon la règle ${ruleName(c.rule)} (version ${c.rule_version}), avec une confiance ${confidence}.`,
    c.withheld
      ? `Le cas repose sur des données ${c.rests_on.map((k) => label(kindLabels, k)).join(' et ')} : ` +
        'son montant, son calcul et les valeurs des autres partenaires ne sont pas communiqués ici.'
      : c.estimated_amount === null
        ? 'Cette règle n’estime pas de montant.'
        : `Montant estimé : ${euros(c.estimated_amount)} par mois.`,
    `Situation appréciée en ${monthInWords(e.as_of)}. Suivi : ${lower(label(outcomeLabels, c.status))}.`,
    ...(reasoning ? [reasoning] : []),
    ...evidenceSentences(e),
    ...e.supporting.flatMap((s) => [
      `La règle ${ruleName(s.rule.id)} (version ${s.rule.version}) aboutit à la même présomption` +
        `${s.confidence ? `, avec une confiance ${lower(label(confidenceLabels, s.confidence))}` : ''}` +
        `${s.amount === null ? '' : `, pour un montant estimé de ${euros(s.amount)} par mois`}.`,
      ...evidenceSentences(s.evidence),
    ]),
    ...(e.limits ? [e.limits] : []),
  ];
}
