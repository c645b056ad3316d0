// A case told in plain French for the agent who reviews it: the presumption and its rule, the amount,
// each legal parameter with its value, date and text, each input with where it comes from and how it
// was linked, and the known limits. It is built from what the viewer may see, so a partner's version
// carries no other partner's value.
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

const benefits: Record<string, string> = {
  rsa: 'au revenu de solidarité active (RSA)',
  ppa: 'à la prime d’activité',
  c2s: 'à la complémentaire santé solidaire (C2S)',
  aspa: 'à l’allocation de solidarité aux personnes âgées (ASPA)',
  housing_aid: 'à l’aide personnalisée au logement (APL)',
};
const variants: Record<string, string> = { free: 'sans participation', participation: 'avec participation' };
const subjects = {
  person: 'une personne',
  household: 'un foyer',
  tenancy: 'un ménage locataire du parc social',
};
const confidences: Record<string, string> = { high: 'élevée', medium: 'moyenne', low: 'faible' };
const statuses: Record<string, string> = {
  to_contact: 'à contacter',
  contacted: 'contactée',
  unreachable: 'injoignable',
  rights_opened: 'droits ouverts',
  already_covered: 'déjà couverte',
  not_eligible: 'non éligible',
  refused: 'refus de la personne',
};
const kinds: Record<string, string> = {
  caf: 'CAF',
  cpam: 'CPAM',
  msa: 'MSA',
  carsat: 'CARSAT',
  landlord: 'du bailleur social',
};
const links: Record<InputUse['link'], string> = {
  own_row: 'lue sur la ligne même de la personne ou du foyer',
  household_pseudo: 'lue sur la ligne d’un autre membre du foyer, reliée par le pseudonyme du foyer',
  person_pseudo: 'rapprochée par le pseudonyme de personne (issu du NIR)',
  identity_pseudo: 'rapprochée par le pseudonyme d’identité (nom, prénom, date de naissance)',
  identity_clk: 'rapprochée par ressemblance d’identité : rapprochement approché, à confirmer',
};
const months = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
/** Extract columns that hold euros per month (EXTRACTS.md). */
const euroColumns = new Set([
  'household_resources',
  'activity_income',
  'housing_aid_amount',
  'pension',
  'rent',
]);
const c2sValues: Record<string, string> = {
  none: 'aucune C2S',
  free: 'C2S sans participation',
  participation: 'C2S avec participation',
};

const number = (value: number, digits = 5) =>
  new Intl.NumberFormat('fr-FR', { maximumFractionDigits: digits }).format(value);
const euros = (value: number) =>
  `${new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)} €`;
/** 2026-10 → octobre 2026. */
const month = (ym: string) => `${months[Number(ym.slice(5, 7)) - 1]} ${ym.slice(0, 4)}`;
/** 2009-06-01 → 01/06/2009. */
const day = (iso: string) => iso.split('-').reverse().join('/');

function parameterValue(p: ParameterUse): string {
  switch (p.unit) {
    case 'eur_per_month':
      return `${euros(p.value)} par mois`;
    case 'eur_per_year':
      return `${euros(p.value)} par an`;
    case 'eur_per_hour':
      return `${euros(p.value)} de l’heure`;
    case 'smic_hours':
      return `${number(p.value)} heures de SMIC`;
    case 'years':
      return `${number(p.value)} ans`;
    case 'rate':
      return number(p.value);
  }
}

function inputValue(input: InputUse): string {
  const { value } = input;
  if (value === null) return 'non renseignée';
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number')
    return euroColumns.has(input.column) ? `${euros(value)} par mois` : number(value);
  if (input.column === 'c2s') return c2sValues[value] ?? value;
  return /^\d{4}-\d{2}$/.test(value) ? month(value) : value;
}

function parameterSentence(p: ParameterUse): string {
  const text = p.reference.href ? `${p.reference.title} (${p.reference.href})` : p.reference.title;
  return (
    `Paramètre « ${p.label} » : ${parameterValue(p)}, en vigueur depuis le ${day(p.effective_from)} ` +
    `(valeur retenue pour ${month(p.month)}) — ${text}.`
  );
}

function inputSentence(input: InputUse): string {
  return (
    `Donnée « ${input.column} » : ${inputValue(input)}, extrait ${kinds[input.kind] ?? input.kind} du mois de ` +
    `référence ${month(input.reference_month)}, ${links[input.link]}.`
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
  const variant = c.variant ? ` ${variants[c.variant] ?? c.variant}` : '';
  // The explanation ends with its limits: they get a line of their own, which a partner also reads.
  const reasoning = e.explanation?.slice(0, e.limits ? -e.limits.length : undefined).trim();
  return [
    `Présomption de non-recours ${benefits[c.benefit] ?? c.benefit}${variant} pour ${subjects[c.subject_kind]}, ` +
      `selon la règle ${c.rule} (version ${c.rule_version}), avec une confiance ${confidences[c.confidence] ?? c.confidence}.`,
    c.withheld
      ? `Le cas repose sur des données ${c.rests_on.map((k) => kinds[k] ?? k).join(' et ')} : ` +
        'son montant, son calcul et les valeurs des autres partenaires ne sont pas communiqués ici.'
      : c.estimated_amount === null
        ? 'Cette règle n’estime pas de montant.'
        : `Montant estimé : ${euros(c.estimated_amount)} par mois.`,
    `Situation appréciée en ${month(e.as_of)}. Suivi : ${statuses[c.status] ?? c.status}.`,
    ...(reasoning ? [`Explication : ${reasoning}`] : []),
    ...evidenceSentences(e),
    ...e.supporting.flatMap((s) => [
      `Règle concordante ${s.rule.id} (version ${s.rule.version})` +
        `${s.confidence ? `, confiance ${confidences[s.confidence]}` : ''}` +
        `${s.amount === null ? '' : `, montant estimé ${euros(s.amount)} par mois`}.`,
      ...evidenceSentences(s.evidence),
    ]),
    ...(e.limits ? [e.limits] : []),
  ];
}
