// Shared sentences of the explanations: every case is a presumption, and RULES.md names the known
// limits that the person reviewing it must read.

export const presumption =
  'Présomption de droit non demandé : à vérifier avec la personne par un agent, sans décision automatique.';

export const limits = {
  rsa:
    'Limites : le calcul ignore les revenus d’activité qui ont cessé au cours du trimestre (la loi les ' +
    'neutralise) et le patrimoine.',
  ppa: 'Limites : le calcul ignore le patrimoine.',
  c2sResources:
    'Limites : les ressources retenues par la C2S (12 mois) sont approchées à partir des ressources ' +
    'RSA / prime d’activité du dernier trimestre.',
  aspa:
    'Limites : l’extrait ne porte souvent que les pensions de base (les retraites complémentaires peuvent ' +
    'manquer) et le calcul ignore le patrimoine.',
} as const;
