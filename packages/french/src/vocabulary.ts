// The French words for every code the service speaks: what a person reads in the console, the
// evidence of a case, the CSV exports, the record of processing and the command line. The codes stay
// the machine's (API, database, files for tools); this is the one place they are put into French.

/** The French label of a code, the code itself when it has none, « — » when there is no value. */
export const label = (labels: Readonly<Record<string, string>>, code: string | null | undefined) =>
  code === null || code === undefined ? '—' : (labels[code] ?? code);

export const roleLabels: Record<string, string> = {
  partner: 'Organisme partenaire',
  territory: 'Équipe territoriale',
  dpo: 'Délégué à la protection des données',
  operator: 'Opérateur',
};

/** The organisations that provide each extract kind. */
export const kindLabels: Record<string, string> = {
  caf: 'CAF',
  cpam: 'CPAM',
  msa: 'MSA',
  carsat: 'CARSAT',
  landlord: 'Bailleur social',
};

/** The nature of a partner organisation. */
export const partnerKindLabels: Record<string, string> = {
  ...kindLabels,
  territory: 'Équipe territoriale',
  operator: 'Opérateur',
  other: 'Autre',
};

/** « extrait CAF », « extrait du bailleur social ». */
export const extractNames: Record<string, string> = {
  caf: 'extrait CAF',
  cpam: 'extrait CPAM',
  msa: 'extrait MSA',
  carsat: 'extrait CARSAT',
  landlord: 'extrait du bailleur social',
};

/** « l’extrait CAF », in a sentence. */
export const extractOfKind: Record<string, string> = Object.fromEntries(
  Object.entries(extractNames).map(([kind, name]) => [kind, `l’${name}`]),
);

export const extractStatusLabels: Record<string, string> = {
  receiving: 'En réception',
  accepted: 'Acceptée',
  rejected: 'Refusée',
  failed: 'Interrompue',
  withdrawn: 'Retirée',
  purged: 'Purgée',
};

export const conventionStatusLabels: Record<string, string> = {
  draft: 'Brouillon',
  active: 'Active',
  suspended: 'Suspendue',
  ended: 'Terminée',
};

export const runStatusLabels: Record<string, string> = {
  queued: 'En attente',
  running: 'En cours',
  succeeded: 'Terminée',
  failed: 'Échouée',
  cancelled: 'Annulée',
};

export const stageLabels: Record<string, string> = {
  select: 'Sélection des extractions',
  link: 'Rapprochement des personnes',
  evaluate: 'Application des règles',
  finalise: 'Publication des cas',
};

export const stageStatusLabels: Record<string, string> = {
  pending: 'à venir',
  running: 'en cours',
  done: 'terminée',
  failed: 'échouée',
  cancelled: 'annulée',
};

export const benefitLabels: Record<string, string> = {
  rsa: 'RSA',
  ppa: 'Prime d’activité',
  c2s: 'Complémentaire santé solidaire',
  aspa: 'ASPA (minimum vieillesse)',
  housing_aid: 'Aide au logement (APL)',
};

/** The benefit's full name, for a sentence: « droit au revenu de solidarité active (RSA) ». */
export const benefitNames: Record<string, string> = {
  rsa: 'revenu de solidarité active (RSA)',
  ppa: 'prime d’activité',
  c2s: 'complémentaire santé solidaire (C2S)',
  aspa: 'allocation de solidarité aux personnes âgées (ASPA)',
  housing_aid: 'aide personnalisée au logement (APL)',
};

/** « au RSA », « à la prime d’activité ». */
export const toBenefit: Record<string, string> = {
  rsa: 'au revenu de solidarité active (RSA)',
  ppa: 'à la prime d’activité',
  c2s: 'à la complémentaire santé solidaire (C2S)',
  aspa: 'à l’allocation de solidarité aux personnes âgées (ASPA)',
  housing_aid: 'à l’aide personnalisée au logement (APL)',
};

export const variantLabels: Record<string, string> = {
  free: 'sans participation',
  participation: 'avec participation',
};

export const confidenceLabels: Record<string, string> = {
  high: 'Forte',
  medium: 'Moyenne',
  low: 'Faible',
};

/** The rules of fr.v1, as a caseworker names what each presumes. */
export const ruleLabels: Record<string, string> = {
  'RSA.RESOURCES': 'RSA : ressources sous le montant forfaitaire',
  'RSA.UNKNOWN_TO_CAF': 'RSA : locataire du parc social inconnu de la CAF et de la MSA',
  'PPA.ACTIVITY': 'Prime d’activité : revenus d’activité modestes',
  'C2S.RESOURCES': 'C2S : ressources sous le plafond',
  'C2S.RSA': 'C2S : bénéficiaire du RSA sans C2S',
  'C2S.ASPA': 'C2S : bénéficiaire de l’ASPA sans C2S',
  'ASPA.PENSION': 'ASPA : pension sous le plafond',
  'APL.LANDLORD': 'Aide au logement : locataire sans aide versée au bailleur',
};

/** The follow-up outcomes of a case, in the order of the follow-up. */
export const outcomeLabels: Record<string, string> = {
  to_contact: 'À contacter',
  contacted: 'Personne contactée',
  unreachable: 'Personne injoignable',
  rights_opened: 'Droit ouvert',
  already_covered: 'Déjà couvert',
  not_eligible: 'Non éligible',
  refused: 'Refus de la personne',
};

/** The button that records an outcome: what the agent did or learnt. */
export const outcomeActions: Record<string, string> = {
  contacted: 'Personne contactée',
  unreachable: 'Personne injoignable',
  rights_opened: 'Droit ouvert',
  already_covered: 'Déjà couverte',
  not_eligible: 'Non éligible',
  refused: 'Refus de la personne',
};

/** What a case became when a later run compared it with the new extracts. */
export const observationLabels: Record<string, string> = {
  taken_up: 'Droit constaté dans les extraits',
  no_longer_presumed: 'Plus présumé',
  subject_absent: 'Absent des extraits',
};

export const subjectKindLabels: Record<string, string> = {
  person: 'Personne',
  household: 'Foyer',
  tenancy: 'Ménage locataire',
};

/** « une personne », « un foyer »: the subject in a sentence. */
export const aSubject: Record<string, string> = {
  person: 'une personne',
  household: 'un foyer',
  tenancy: 'un ménage locataire du parc social',
};

/** How a value reached the subject of a case, short, for a table. */
export const linkLabels: Record<string, string> = {
  own_row: 'ligne de la personne',
  household_pseudo: 'même foyer',
  person_pseudo: 'rapprochement exact (NIR)',
  identity_pseudo: 'rapprochement exact (identité)',
  identity_clk: 'rapprochement approché (identité)',
};

/** How a value reached the subject of a case, in a sentence. */
export const linkSentences: Record<string, string> = {
  own_row: 'lue sur la ligne même de la personne ou du foyer',
  household_pseudo: 'lue sur la ligne d’un autre membre du foyer',
  person_pseudo: 'rapprochée par le numéro de sécurité sociale (pseudonymisé)',
  identity_pseudo: 'rapprochée par le nom, le prénom et la date de naissance (pseudonymisés)',
  identity_clk: 'rapprochée par ressemblance d’identité : rapprochement approché, à confirmer',
};

export const auditActionLabels: Record<string, string> = {
  'account.create': 'Création d’un compte',
  'account.disable': 'Désactivation d’un compte',
  'audit.checkpoint': 'Point de contrôle du journal',
  'audit.export': 'Export du journal d’audit',
  'audit.query': 'Consultation du journal d’audit',
  'audit.verify': 'Vérification du journal d’audit',
  'campaign.close': 'Clôture d’une campagne',
  'campaign.contacts': 'Enregistrement des contacts d’une campagne',
  'campaign.create': 'Création d’une campagne',
  'campaign.export': 'Export de la cohorte d’une campagne',
  'campaign.impact': 'Consultation de l’impact d’une campagne',
  'campaign.impact_export': 'Export de l’impact d’une campagne',
  'campaign.list': 'Liste des campagnes',
  'campaign.read': 'Consultation d’une campagne',
  'case.correct': 'Correction du suivi d’un cas',
  'case.export': 'Export des cas',
  'case.list': 'Consultation de la liste des cas',
  'case.read': 'Consultation d’un cas',
  'case.update': 'Suivi d’un cas',
  'client.audit_receipts': 'Reçus d’audit d’un client',
  'client.create': 'Création d’un client de l’API',
  'client.list': 'Liste des clients de l’API',
  'client.revoke': 'Révocation d’un client de l’API',
  'console.sign_in': 'Connexion à la console',
  'console.sign_out': 'Déconnexion de la console',
  'convention.create': 'Création d’une convention',
  'convention.key': 'Enregistrement de la clé d’une convention',
  'convention.list': 'Liste des conventions',
  'convention.partners': 'Liste des organismes partenaires d’une convention',
  'convention.member.put': 'Ajout ou modification d’un membre',
  'convention.member.remove': 'Retrait d’un membre',
  'convention.read': 'Consultation d’une convention',
  'convention.record_of_processing': 'Consultation du registre des traitements',
  'convention.update': 'Modification d’une convention',
  'extract.check': 'Vérification d’une extraction (sans dépôt)',
  'extract.errors': 'Consultation des erreurs d’une extraction',
  'extract.list': 'Liste des extractions',
  'extract.read': 'Consultation d’une extraction',
  'extract.upload': 'Dépôt d’une extraction',
  'extract.withdraw': 'Retrait d’une extraction',
  'opposition.list': 'Liste des oppositions',
  'opposition.register': 'Enregistrement d’oppositions',
  'partner.create': 'Création d’un organisme',
  'partner.list': 'Liste des organismes',
  'retention.purge': 'Purge des données échues',
  'run.cancel': 'Annulation d’un traitement',
  'run.cases': 'Consultation des cas d’un traitement',
  'run.list': 'Liste des traitements',
  'run.publish': 'Publication d’un traitement',
  'run.read': 'Consultation d’un traitement',
  'run.start': 'Lancement d’un traitement',
  'stats.read': 'Consultation des statistiques',
  'token.issue': 'Délivrance d’un jeton d’accès',
};

/** What an audit event was about: the first part of its target (`case/…`, `run/…`). */
export const auditTargetLabels: Record<string, string> = {
  account: 'compte',
  case: 'cas',
  client: 'client de l’API',
  convention: 'convention',
  extract: 'extraction',
  partner: 'organisme',
  run: 'traitement',
};

export const auditOutcomeLabels: Record<string, string> = {
  success: 'Réussi',
  denied: 'Refusé',
  failed: 'Échec',
};

export const auditPurposeLabels: Record<string, string> = {
  access: 'contrôle d’accès',
  administration: 'administration',
  audit: 'audit',
  authentication: 'authentification',
  evaluation: 'application des règles',
  follow_up: 'suivi des cas',
  ingestion: 'dépôt des extractions',
  matching: 'rapprochement',
  retention: 'durée de conservation',
  rights: 'droits des personnes',
};

export const chainBreakLabels: Record<string, string> = {
  hash_mismatch: 'le contenu de l’événement ne correspond plus à son empreinte (événement modifié)',
  link_mismatch: 'l’événement ne se rattache plus au précédent (événement inséré ou supprimé)',
  sequence_gap: 'il manque des événements dans la séquence',
  missing_checkpoint: 'un point de contrôle signé a disparu',
  unknown_key: 'un point de contrôle est signé d’une clé inconnue',
  bad_signature: 'la signature d’un point de contrôle est invalide',
  altered_row: 'un point de contrôle a été modifié',
  missing_event: 'l’événement scellé par un point de contrôle a disparu (fin du journal coupée ?)',
  head_mismatch:
    'la tête du journal ne désigne plus son dernier événement (fin du journal coupée ou réécrite)',
  no_checkpoint: 'des événements de plus de deux périodes n’ont aucun point de contrôle',
  checkpoint_overdue:
    'le dernier point de contrôle a plus de deux périodes alors que des événements l’ont suivi',
};

export const rowErrorLabels: Record<string, string> = {
  required: 'valeur obligatoire manquante',
  invalid_month: 'mois invalide (AAAA-MM attendu)',
  invalid_amount: 'montant invalide',
  invalid_boolean: 'valeur oui/non invalide',
  invalid_integer: 'nombre entier invalide',
  below_minimum: 'valeur sous le minimum',
  invalid_enum: 'valeur hors de la liste attendue',
  invalid_commune: 'code commune INSEE invalide',
  wrong_field_count: 'nombre de champs incorrect',
};

/** A member's place in a household (the `role` column of caf and msa extracts). */
export const householdRoleLabels: Record<string, string> = {
  allocataire: 'allocataire',
  conjoint: 'conjoint',
  enfant: 'enfant',
  autre: 'autre personne à charge',
};

export const housingLabels: Record<string, string> = {
  locataire: 'locataire',
  proprietaire: 'propriétaire',
  accedant: 'accédant à la propriété',
  heberge: 'hébergé gratuitement',
  sans_domicile: 'sans domicile',
  inconnu: 'logement non indiqué',
};

export const c2sStatusLabels: Record<string, string> = {
  none: 'aucune C2S',
  free: 'C2S sans participation',
  participation: 'C2S avec participation',
};

export const yesNo = (v: boolean) => (v ? 'oui' : 'non');
