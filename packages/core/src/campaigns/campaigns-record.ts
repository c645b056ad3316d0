// The outreach campaigns' place in the record of processing (GDPR art. 30): their purpose and legal
// basis, the right to refuse proactive outreach, the objections honoured, and the design of each
// campaign — who contacts, by which channel, when, and its comparison group with its seed.
import type { Db } from '@nonrecours/db';

export interface OutreachRecord {
  purpose: string;
  legal_basis: string;
  safeguards: string[];
  campaigns: {
    id: string;
    name: string;
    benefit: string;
    channel: string;
    contacting_partner: string;
    starts_on: string;
    ends_on: string;
    status: 'open' | 'closed';
    cohort_size: number;
    frozen_month: string;
    comparison: { share: number; until: string; seed: string; stratified_by: string[] } | null;
  }[];
}

export async function outreachRecord(db: Db, conventionId: string): Promise<OutreachRecord> {
  const rows = await db
    .selectFrom('campaigns as c')
    .innerJoin('partners as p', 'p.id', 'c.contacting_partner_id')
    .select([
      'c.id',
      'c.name',
      'c.benefit',
      'c.channel',
      'p.name as contacting_partner',
      'c.starts_on',
      'c.ends_on',
      'c.status',
      'c.cohort_size',
      'c.as_of',
      'c.comparison_share',
      'c.comparison_until',
      'c.seed',
    ])
    .where('c.convention_id', '=', conventionId)
    .orderBy('c.created_at')
    .execute();
  return {
    purpose:
      'Informer les personnes présumées éligibles d’une prestation qu’elles ne perçoivent pas et leur proposer l’ouverture de leurs droits (démarche proactive, CRPA L114-8 II), puis mesurer ce que ce contact a changé (évaluation de l’expérimentation, loi 3DS art. 133).',
    legal_basis:
      'Art. 6(1)(e) RGPD : mission d’intérêt public (CRPA L114-8 II ; loi 3DS art. 133). Le partenaire qui contacte réidentifie la personne sur ses propres systèmes : aucune donnée en clair ne parvient au service.',
    safeguards: [
      'Droit de refuser la démarche proactive (CNIL, délibération n° 2022-101 du 6 octobre 2022) : une personne dont le suivi indique un refus n’entre dans aucune cohorte.',
      'Droit d’opposition (art. 21) : une personne inscrite sur la liste d’opposition n’entre dans aucune cohorte, et en est retirée dès son inscription.',
      'Une personne appartient au plus à une campagne ouverte par prestation.',
      'Groupe témoin : les personnes tirées au sort ne sont pas contactées avant la date indiquée ; le partenaire qui contacte ne voit que cette date, jamais le groupe. Le tirage, stratifié par prestation et commune, se refait à l’identique à partir de la graine enregistrée ici et dans le journal d’audit.',
      'Les mesures d’impact sont publiées agrégées, les effectifs de 1 à 4 masqués.',
    ],
    campaigns: rows.map((r) => ({
      id: r.id,
      name: r.name,
      benefit: r.benefit,
      channel: r.channel,
      contacting_partner: r.contacting_partner,
      starts_on: r.starts_on,
      ends_on: r.ends_on,
      status: r.status,
      cohort_size: r.cohort_size,
      frozen_month: r.as_of.slice(0, 7),
      comparison:
        r.comparison_share === null
          ? null
          : {
              share: Number(r.comparison_share),
              until: r.comparison_until!,
              seed: r.seed!,
              stratified_by: ['benefit', 'commune'],
            },
    })),
  };
}
