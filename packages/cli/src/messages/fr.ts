// What the partner toolkit says to people, in French (the default). en.ts has the same keys; the
// type makes a message missing in one language a type error.

const list = (items: readonly string[]) => items.join(', ');
// French takes the singular for 0 and 1.
const plural = (n: number, one: string, many: string) => `${n} ${n < 2 ? one : many}`;

/** Row error codes (line;column;code in error files) as a person reads them. */
const rowCodes: Record<string, string> = {
  // Row errors of the service (upload and dry run).
  required: 'valeur obligatoire manquante',
  invalid_month: 'mois invalide : attendu AAAA-MM',
  invalid_amount: 'montant invalide : euros par mois, positif, au plus 2 décimales, sans espace ni symbole €',
  invalid_boolean: 'attendu 0 ou 1',
  invalid_integer: 'nombre entier attendu',
  below_minimum: 'valeur sous le minimum permis',
  invalid_enum: 'valeur hors de la liste permise',
  invalid_commune: 'code commune INSEE invalide (5 caractères, 2A/2B pour la Corse ; pas un code postal)',
  wrong_field_count: 'nombre de valeurs différent de l’en-tête',
  missing_value: 'valeur manquante',
  column_count: 'nombre de colonnes différent de l’en-tête',
  invalid_date: 'date invalide : attendu AAAA-MM-JJ',
  date_dd_mm_yyyy: 'date au format JJ/MM/AAAA (Excel) : attendu AAAA-MM-JJ',
  invalid_name: 'nom sans aucune lettre',
  nir_length: 'NIR de longueur incorrecte (13 ou 15 caractères)',
  nir_format: 'NIR mal formé',
  nir_key: 'clé du NIR incorrecte',
  nir_scientific_notation:
    'NIR en notation scientifique (par exemple 1,75E+14) : Excel l’a converti en nombre ; formatez la colonne en texte et exportez à nouveau',
};

export const fr = {
  usage: (lines: string) =>
    `usage : nonrecours <commande> [options] [--lang fr|en] [--json]\n\ncommandes :\n${lines}\n\n` +
    "'nonrecours <commande> --help' donne les options d’une commande.",
  summaries: {
    keys: 'créer un fichier de clé de convention, ou afficher sa valeur de contrôle',
    pseudonymise: 'transformer un fichier en clair en extrait pseudonymisé, sur ce poste',
    pseudonym: 'le pseudonyme d’une personne (NIR ou identité lus sur l’entrée standard)',
    reidentify: 'retrouver vos propres usagers derrière les cas renvoyés, sur ce poste',
    upload: 'envoyer un extrait à l’API et suivre son statut',
    oppositions: 'enregistrer et lister les oppositions (RGPD art. 21) d’une convention, par l’API',
    synth: 'générer un territoire synthétique (fichiers en clair, extraits, clé, vérité terrain)',
    admin: 'tâches d’exploitation : amorçage, partenaires, conventions, membres, clients',
  } as Record<string, string>,
  unknownCommand: (name: string) => `commande inconnue « ${name} »`,
  operatorOnly: (name: string) =>
    `la commande « ${name} » est réservée à l’exploitation du service : lancez-la depuis son installation (pnpm nonrecours ${name})`,
  invalidLanguage: (value: string) => `--lang vaut fr ou en (pas « ${value} »)`,
  optionError: (detail: string) => `option invalide : ${detail}`,
  unknownOption: (name: string) => `option inconnue ${name}`,
  optionNeedsValue: (name: string) => `l’option ${name} attend une valeur`,
  unexpectedArgument: 'argument inattendu (les valeurs se donnent après leur option)',
  required: (name: string) => `--${name} est obligatoire`,
  unknownAction: (action: string | undefined) =>
    action === undefined ? 'une action est attendue' : `action inconnue « ${action} »`,
  unknownKind: (kind: string, kinds: readonly string[]) =>
    `type d’extrait inconnu « ${kind} » (attendu : ${list(kinds)})`,
  keyFileReadable: (path: string) =>
    `attention : le fichier de clé ${path} est lisible par d’autres utilisateurs (chmod 600 ${path})`,
  keyFileUnreadable: (path: string, code: string) => `impossible de lire le fichier de clé ${path} (${code})`,
  notAKeyFile: (path: string, detail: string) => `${path} n’est pas un fichier de clé : ${detail}`,
  files: {
    clear: 'le fichier en clair',
    cases: 'le fichier des cas',
    extract: 'l’extrait',
    stdin: 'l’entrée standard',
    file: 'le fichier',
  },
  cannotRead: (what: string, path: string, code: string) => `impossible de lire ${what} ${path} (${code})`,
  notAFile: (what: string, path: string) => `${what} ${path} n’est pas un fichier`,
  cannotWrite: (path: string, code: string) => `impossible d’écrire ${path} (${code})`,
  emptyFile: (what: string) => `${what} est vide : une ligne d’en-tête est attendue`,
  headerNotCsv: (what: string) => `${what} : la ligne d’en-tête n’est pas un CSV valide`,
  repeatedColumns: (what: string, columns: readonly string[]) =>
    `${what} : colonnes répétées : ${list(columns)}`,
  notCsv: (what: string, line: number, code: string) =>
    `${what} n’est pas un CSV valide : erreur près de la ligne ${line} (${code})`,
  clearHeader: (
    kind: string,
    unknown: readonly string[],
    missing: readonly string[],
    allowed: readonly string[],
  ) =>
    `le fichier en clair ne suit pas le format ${kind} (${[
      ...(unknown.length > 0 ? [`colonnes inconnues : ${list(unknown)}`] : []),
      ...(missing.length > 0 ? [`colonnes manquantes : ${list(missing)}`] : []),
    ].join(' ; ')}) ; colonnes possibles : ${list(allowed)}`,
  encoding: {
    notUtf8: (what: string, line: number) =>
      `${what} n’est pas en UTF-8 (ligne ${line}) : enregistrez le fichier en UTF-8 ou passez --encoding windows-1252`,
    unknown: (value: string) => `--encoding vaut utf-8, windows-1252 ou latin1 (pas « ${value} »)`,
  },
  rowCode: (code: string) => rowCodes[code] ?? code,
  refusedCounts: (counts: Record<string, number>) =>
    Object.entries(counts)
      .map(([code, n]) => `${code} : ${n} (${rowCodes[code] ?? code})`)
      .join(' ; '),
  progress: {
    pseudonymise: 'pseudonymisation',
    reidentify: 'réidentification',
    upload: 'envoi',
    check: 'vérification',
    mb: 'Mo',
    eta: 'reste',
  },
  keys: {
    usage: `usage : nonrecours keys generate --out FICHIER
        nonrecours keys kcv --key-file FICHIER

  generate  écrit une nouvelle clé de convention aléatoire dans FICHIER (mode 0600 ; un fichier
            existant n’est jamais écrasé) et affiche sa valeur de contrôle
  kcv       affiche la valeur de contrôle (KCV) d’un fichier de clé`,
    exists: (path: string) => `${path} existe déjà : il n’est pas écrasé`,
    written: (path: string) =>
      `clé écrite dans ${path} ; ne la transmettez que par le tiers de confiance de la convention`,
  },
  pseudonymise: {
    usage: `usage : nonrecours pseudonymise --kind TYPE --key-file CLÉ --in CLAIR.csv --out EXTRAIT.csv
                               [--errors ERREURS.csv] [--clk] [--threads N] [--encoding ENC]

  --kind      caf, cpam, msa, carsat ou landlord (les colonnes de chacun : packages/pseudo/README.md)
  --key-file  le fichier de clé de la convention
  --in        le fichier en clair (CSV, « ; » ou « , »)
  --out       l’extrait à écrire
  --errors    où lister les lignes refusées, en ligne;colonne;code (sans les valeurs)
  --clk       calcule aussi identity_clk, le filtre de Bloom du rapprochement approché
  --threads   nombre de fils de calcul (par défaut : les cœurs disponibles)
  --encoding  utf-8 (par défaut), windows-1252 ou latin1 (« CSV séparateur point-virgule » d’Excel)`,
    threads: '--threads est un nombre entier à partir de 1',
    noRows: 'le fichier en clair ne contient aucune ligne',
    allRefused: (n: number, counts: string) =>
      `${n === 1 ? 'la seule ligne a été refusée' : `les ${n} lignes ont été refusées`} (${counts}) ; aucun extrait écrit`,
    written: (n: number, path: string, schema: string, kcv: string) =>
      `${plural(n, 'ligne écrite', 'lignes écrites')} dans ${path} (schéma ${schema}, valeur de contrôle de la clé ${kcv})`,
    refused: (n: number, counts: string, errorsFile: string | undefined) =>
      `attention : ${plural(n, 'ligne refusée', 'lignes refusées')} (${counts})${
        errorsFile ? `, listées dans ${errorsFile}` : ' (--errors FICHIER les liste)'
      }`,
  },
  pseudonym: {
    usage: `usage : nonrecours pseudonym --kind TYPE --key-file CLÉ [--encoding ENC] < PERSONNE

  Lit sur l’entrée standard une personne par ligne et écrit son pseudonyme, une ligne par personne,
  sur la sortie standard (à donner à 'nonrecours oppositions add --file -'). Jamais en argument :
  un NIR ou un nom sur la ligne de commande resterait dans l’historique du shell.

  --kind      caf, cpam, msa ou carsat : chaque ligne est un NIR (13 ou 15 caractères) → person_pseudo ;
              landlord : chaque ligne est « nom de naissance;prénoms;AAAA-MM-JJ » → identity_pseudo
              (une ligne de cette forme est lue comme une identité quel que soit le type)
  --key-file  le fichier de clé de la convention`,
    argv: 'le NIR ou l’identité se lisent sur l’entrée standard, jamais en argument (ils resteraient dans l’historique du shell)',
    terminal: 'saisissez une personne par ligne puis Ctrl-D (un NIR, ou « nom;prénoms;AAAA-MM-JJ »)',
    nothing: 'aucune personne sur l’entrée standard',
    bad: (line: number, reason: string) =>
      `ligne ${line} de l’entrée standard : ${reason} ; aucun pseudonyme écrit`,
    identityShape: 'attendu un NIR ou « nom de naissance;prénoms;AAAA-MM-JJ »',
    nameWithoutLetters: 'nom de naissance sans aucune lettre',
  },
  reidentify: {
    usage: (
      keyColumns: readonly string[],
    ) => `usage : nonrecours reidentify --kind TYPE --cases CAS.csv --clear CLAIR.csv --key-file CLÉ
                             --out CONTACTS.csv [--encoding ENC]

  --kind      le type de votre fichier en clair : caf, cpam, msa, carsat ou landlord
  --cases     les cas renvoyés par le service, avec ${list(keyColumns)} (au moins une) ;
              un cas est cherché par la première de ces colonnes qui a une valeur
  --clear     votre fichier en clair, tel que donné à 'nonrecours pseudonymise'
  --key-file  le fichier de clé de la convention
  --out       les contacts à écrire (« ; », UTF-8 avec BOM et virgule décimale, pour Excel) :
              les colonnes du cas, puis celles de la ligne en clair retrouvée
  --encoding  l’encodage du fichier en clair : utf-8 (par défaut), windows-1252 ou latin1`,
    casesNeedColumns: (columns: readonly string[]) =>
      `le fichier des cas doit avoir au moins une des colonnes ${list(columns)}`,
    casesNotPseudonym: (row: number, column: string) =>
      `le fichier des cas, ligne ${row} : ${column} n’est pas un pseudonyme`,
    written: (contacts: number, path: string, matched: number, cases: number) =>
      `${plural(contacts, 'contact écrit', 'contacts écrits')} dans ${path} : ${plural(matched, 'cas retrouvé', 'cas retrouvés')} sur ${cases}`,
    unmatched: (n: number, clear: string) =>
      `attention : ${plural(n, 'cas ne correspond', 'cas ne correspondent')} à personne dans ${clear}`,
    skipped: (n: number, clear: string) =>
      `attention : ${plural(n, 'ligne', 'lignes')} de ${clear} sans identifiant utilisable`,
    nobody: (cases: number, kcv: string) =>
      `aucun des ${cases} cas n’a été retrouvé : vérifiez que votre clé (valeur de contrôle ${kcv}) est celle de la convention (nonrecours keys kcv), que --kind est le type de votre fichier et que c’est le fichier en clair de l’extrait envoyé`,
  },
  upload: {
    usage: `usage : nonrecours upload --api URL --convention ID --kind TYPE [--schema SCHÉMA] --month AAAA-MM
                         --key-file CLÉ --in EXTRAIT.csv [--client-id ID --client-secret SECRET]
                         [--timeout SECONDES] [--poll-interval SECONDES] [--show-errors N] [--dry-run]

  --api            l’adresse du service (ou NONRECOURS_API_URL)
  --convention     l’identifiant de la convention
  --kind           caf, cpam, msa, carsat ou landlord ; --schema vaut par défaut TYPE.v1, ou TYPE.v2 quand l’extrait a les colonnes mensuelles
  --month          le mois de référence de l’extrait
  --key-file       le fichier de clé avec lequel l’extrait a été fait (seule sa valeur de contrôle est envoyée)
  --in             l’extrait fait par 'nonrecours pseudonymise'
  --client-id      identifiants du client d’API (ou NONRECOURS_CLIENT_ID, NONRECOURS_CLIENT_SECRET)
  --timeout        attente maximale d’un statut final (600 s par défaut)
  --poll-interval  secondes entre deux consultations du statut (2 par défaut)
  --show-errors    nombre d’erreurs de ligne à afficher (20 par défaut)
  --dry-run        vérifie seulement le fichier : le service répond ce qu’un envoi donnerait, sans rien garder`,
    seconds: (name: string) => `--${name} est un nombre de secondes`,
    month: '--month est un mois écrit AAAA-MM',
    extractEmpty: (path: string) => `${path} est vide`,
    clearColumns: (path: string, kind: string, columns: readonly string[]) =>
      `${path} a des colonnes qu’un extrait ${kind} ne peut pas avoir (${list(columns)}) ; est-ce un fichier en clair ? Lancez d’abord 'nonrecours pseudonymise'`,
    notFound: (message: string) =>
      `${message} (HTTP 404 : convention inconnue, ou API sans envoi d’extraits)`,
    uploaded: (bytes: number, id: string, status: string) =>
      `${bytes.toLocaleString('fr-FR')} octets envoyés ; l’extrait ${id} est ${status}`,
    noFinalStatus: (seconds: number, described: string) =>
      `pas de statut final après ${seconds} s (${described})`,
    describe: (
      id: string,
      status: string,
      rows: number | null | undefined,
      valid: number | null | undefined,
      errors: number | null | undefined,
    ) => {
      const counts = [
        rows != null ? plural(rows, 'ligne', 'lignes') : undefined,
        valid != null ? plural(valid, 'valide', 'valides') : undefined,
        errors != null ? `${errors} en erreur` : undefined,
      ].filter(Boolean);
      return `extrait ${id} : ${status}${counts.length > 0 ? ` (${counts.join(', ')})` : ''}`;
    },
    dryRun: (verdict: string, rows: number, valid: number, errors: number) =>
      `vérification : l’extrait serait ${verdict} (${plural(rows, 'ligne', 'lignes')}, ${plural(valid, 'valide', 'valides')}, ${errors} en erreur)`,
    nothingStored: ' ; rien n’a été gardé',
    rowError: (line: number, column: string | null, code: string) =>
      `  ligne ${line}${column ? `, ${column}` : ''} : ${code}${rowCodes[code] ? ` (${rowCodes[code]})` : ''}`,
    statuses: {
      receiving: 'en réception',
      validating: 'en validation',
      accepted: 'accepté',
      rejected: 'refusé',
      failed: 'en échec',
      withdrawn: 'retiré',
      purged: 'purgé',
    } as Record<string, string>,
  },
  /** What to do about the API's refusals a partner meets, by code. */
  apiHints: {
    key_check_mismatch:
      'la clé avec laquelle l’extrait a été fait n’est pas celle de la convention : comparez « nonrecours keys kcv » à la valeur enregistrée',
    unexpected_column:
      'une colonne n’est pas celle d’un extrait : est-ce le fichier en clair ? Lancez d’abord « nonrecours pseudonymise »',
    missing_column: 'une colonne obligatoire manque : refaites l’extrait avec « nonrecours pseudonymise »',
    clear_identifier_suspected:
      'une valeur ressemble à un identifiant en clair (NIR, courriel, téléphone) : rien n’a été gardé ; envoyez l’extrait pseudonymisé',
    invalid_client:
      'identifiant ou secret du client d’API inconnu : vérifiez NONRECOURS_CLIENT_ID et NONRECOURS_CLIENT_SECRET',
    convention_not_active: 'la convention n’est pas active : voyez avec son opérateur',
  } as Record<string, string>,
  api: {
    scheme: (url: string) => `l’adresse de l’API doit commencer par https:// ou http:// (${url})`,
    unreachable: (origin: string, reason: string) => `impossible de joindre l’API à ${origin} (${reason})`,
    notJson: (what: string) => `${what} n’a pas répondu en JSON`,
  },
  oppositions: {
    usage: `usage : nonrecours oppositions add --api URL --convention ID (--file FICHIER | PSEUDONYME…)
        nonrecours oppositions list --api URL --convention ID

  add   enregistre les pseudonymes des personnes qui s’opposent au traitement de la convention : les
        cas qui les concernent sont supprimés aussitôt et les exécutions suivantes les écartent (en
        enregistrer un à nouveau ne change rien). FICHIER contient un pseudonyme par ligne, « - » lit
        l’entrée standard (par exemple la sortie de 'nonrecours pseudonym') ; les lignes vides et
        celles qui commencent par # sont ignorées ; sur la ligne de commande, mettez -- avant les
        pseudonymes quand l’un commence par « - ». Affiche les décomptes.
  list  affiche les oppositions enregistrées (rôle DPO), un objet JSON par ligne, par pseudonyme

  --api  l’adresse du service (ou NONRECOURS_API_URL) ; identifiants du client d’API du partenaire
         ou du DPO : --client-id/--client-secret ou NONRECOURS_CLIENT_ID, NONRECOURS_CLIENT_SECRET.
  Chaque enregistrement et chaque consultation est inscrit au journal d’audit du service.`,
    conventionId: '--convention est l’identifiant (un UUID) de la convention',
    fileOrPseudonyms: 'donnez --file FICHIER ou les pseudonymes',
    notBoth: 'donnez --file ou des pseudonymes, pas les deux',
    listOptions: 'list ne prend pas de pseudonymes ni --file',
    badLines: (lines: readonly number[], more: number) =>
      `${lines.length + more > 1 ? 'lignes' : 'ligne'} ${lines.join(', ')}${more > 0 ? ` et ${more} autres` : ''} : pas un pseudonyme (43 caractères base64url) ; rien n’a été enregistré`,
    outcome: (submitted: number, registered: number, already: number, deleted: number) =>
      `${plural(submitted, 'pseudonyme soumis', 'pseudonymes soumis')} : ${plural(registered, 'enregistré', 'enregistrés')}, ${plural(already, 'déjà enregistré', 'déjà enregistrés')}, ${plural(deleted, 'cas supprimé', 'cas supprimés')}`,
    listed: (n: number) => plural(n, 'opposition', 'oppositions'),
  },
};

export type Messages = typeof fr;
