// Shared sentences of the explanations: every case is a presumption, and RULES.md names the known
// limits that the person reviewing it must read; the extract a value was read in, named as a person would.
import { extractOfKind, ofMonth } from '@nonrecours/french';
import type { ExtractSource } from '../profile.schema.ts';

/** « l’extrait CAF d’octobre 2026 ». */
export const extractOf = (source: Pick<ExtractSource, 'kind' | 'reference_month'>) =>
  `${extractOfKind[source.kind] ?? 'l’extrait'} ${ofMonth(source.reference_month)}`;

/** « déclarées à la CAF », « déclarées au bailleur social ». */
export const declaredTo = (kind: string) =>
  kind === 'landlord' ? 'déclarées au bailleur' : `déclarées à la ${kind.toUpperCase()}`;

export const presumption =
  'Présomption de droit non demandé : à vérifier avec la personne par un agent, sans décision automatique.';

const notModelled =
  'le RSA « jeune actif » des 18–24 ans sans enfant, la situation des étudiants et les conditions de ' +
  'résidence ne sont pas examinés';

export const limits = {
  rsa:
    'Limites : le calcul ignore les revenus d’activité qui ont cessé au cours du trimestre (la loi les ' +
    `neutralise) et le patrimoine ; ${notModelled}.`,
  ppa: `Limites : le calcul ignore le patrimoine ; ${notModelled}.`,
  c2sResources:
    'Limites : les ressources retenues par la C2S (12 mois) sont approchées à partir des ressources ' +
    'RSA / prime d’activité du dernier trimestre ; les prestations familiales, l’allocation de soutien ' +
    'familial notamment, comptent autrement sur 12 mois.',
  aspa:
    'Limites : l’extrait ne porte souvent que les pensions de base (les retraites complémentaires peuvent ' +
    'manquer) et le calcul ignore le patrimoine.',
} as const;
