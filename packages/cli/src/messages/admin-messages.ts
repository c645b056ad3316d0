// What `nonrecours admin` (the operator's command, in the service's checkout) says to people, in
// French and in English (--lang en, LANG=en…). Codes and JSON answers never change.

import { language } from './language.ts';

const list = (items: readonly string[]) => items.join(', ');

type Kinds = { partners: readonly string[]; clients: readonly string[]; members: readonly string[] };

const fr = {
  help: (k: Kinds) => `usage : nonrecours admin <tâche> [options] [--json] [--lang fr|en]

  bootstrap [--name NOM]                  crée l’opérateur et son premier client admin (affiche le secret une fois)
  signing-key --out FICHIER               écrit une nouvelle clé de signature, des jetons ou des points de contrôle
                                          d’audit (JWK privée ES256, mode 0600)
  public-key --in FICHIER                 affiche la partie publique d’une clé de signature (une JWK, une ligne)
  partners create --name N --kind K [--siret S]     types : ${list(k.partners)}
  partners list
  conventions create --reference R --title T --territory 35238,35047 --legal-basis L --purpose P
                     --from AAAA-MM-JJ --until AAAA-MM-JJ --retention-days N
  conventions list
  conventions key ID --kcv HEX16          enregistre la valeur de contrôle d’une nouvelle clé de convention
  conventions activate|suspend|end ID
  members put CONVENTION PARTENAIRE --roles partner,territory,dpo [--provides caf,cpam,…]
  clients create --partner ID --role R --name N [--audit-receipts]   rôles : ${list(k.clients)}
  clients audit-receipts ID on|off        reçus signés des événements d’audit de ses réponses
  clients list
  clients revoke ID
  audit checkpoint                        signe maintenant un point de contrôle de la chaîne d’audit (aussi dans
                                          AUDIT_CHECKPOINT_SINK_FILE et le journal) ; il faut la clé des points de contrôle
  audit verify [--checkpoint FICHIER] [--receipts FICHIER]
                                          vérifie la chaîne, ses points de contrôle et leur fraîcheur, face aux points
                                          de contrôle de confiance (les lignes du puits) et aux reçus gardés ; code 1 sinon
  users create --partner ID --role R --email E [--password-stdin]   compte de la console (rôles : ${list(k.members)}) ;
                                          affiche un mot de passe une fois, ou le lit sur l’entrée standard
  users list [--partner ID]
  users disable ID                        ferme aussi ses sessions de la console

Utilise DATABASE_URL, ou le PostgreSQL embarqué de cette installation quand elle n’est pas définie
(trouvé par son fichier postmaster.pid, quel que soit son port). --json : un seul document JSON
compact sur la sortie standard, et rien d’autre.`,
  missing: (names: readonly string[]) => `il manque ${list(names)}`,
  oneOf: (what: string, allowed: readonly string[]) => `${what} vaut l’un de ${list(allowed)}`,
  signingKeyExists: (path: string) => `${path} existe : une clé de signature n’est jamais écrasée`,
  signingKeyWritten: (path: string) => `clé de signature écrite dans ${path}`,
  cannotRead: (path: string, code: string) => `impossible de lire ${path} (${code})`,
  notPrivateKey: (path: string) => `${path} n’est pas une clé privée ES256 (JWK)`,
  adminExists: 'un client admin actif existe déjà ; créez-en d’autres par l’API ou avec « clients create »',
  keepSecret: 'Gardez ce secret maintenant : il n’est pas conservé et ne sera plus affiché.',
  kcvFormat: '--kcv est fait de 16 caractères hexadécimaux minuscules (nonrecours keys kcv)',
  handPassword: 'Remettez ce mot de passe maintenant : il n’est pas conservé et ne sera plus affiché.',
  unknownTask: (task: string) => `tâche inconnue « ${task} »`,
  notUuid: 'cet identifiant n’est pas un UUID',
  noPassword: '--password-stdin : aucun mot de passe sur l’entrée standard',
};

type AdminMessages = typeof fr;

const en: AdminMessages = {
  help: (k) => `usage: nonrecours admin <task> [options] [--json] [--lang fr|en]

  bootstrap [--name NAME]                 create the operator and its first admin client (prints the secret once)
  signing-key --out FILE                  write a new signing key, for tokens or audit checkpoints
                                          (ES256 private JWK, mode 0600)
  public-key --in FILE                    print the public part of a signing key (a JWK, one line)
  partners create --name N --kind K [--siret S]     kinds: ${list(k.partners)}
  partners list
  conventions create --reference R --title T --territory 35238,35047 --legal-basis L --purpose P
                     --from YYYY-MM-DD --until YYYY-MM-DD --retention-days N
  conventions list
  conventions key ID --kcv HEX16          register the key check value of a new convention key
  conventions activate|suspend|end ID
  members put CONVENTION PARTNER --roles partner,territory,dpo [--provides caf,cpam,…]
  clients create --partner ID --role R --name N [--audit-receipts]   roles: ${list(k.clients)}
  clients audit-receipts ID on|off        signed receipts of the audit events of its responses
  clients list
  clients revoke ID
  audit checkpoint                        sign a checkpoint of the audit chain now (also to
                                          AUDIT_CHECKPOINT_SINK_FILE and the log); needs the checkpoint key
  audit verify [--checkpoint FILE] [--receipts FILE]
                                          verify the chain, its checkpoints and their freshness, against
                                          trusted checkpoints (the sink's lines) and kept receipts; exit 1 if not ok
  users create --partner ID --role R --email E [--password-stdin]   console account (roles: ${list(k.members)});
                                          prints a password once, or reads it from stdin
  users list [--partner ID]
  users disable ID                        also ends its console sessions

Uses DATABASE_URL, or the embedded PostgreSQL of this checkout when it is not set (found from its
pid file, whatever its port). --json: one compact JSON document on stdout, and nothing else there.`,
  missing: (names) => `missing ${list(names)}`,
  oneOf: (what, allowed) => `${what} must be one of ${list(allowed)}`,
  signingKeyExists: (path) => `${path} exists; refusing to overwrite a signing key`,
  signingKeyWritten: (path) => `signing key written to ${path}`,
  cannotRead: (path, code) => `${path} cannot be read (${code})`,
  notPrivateKey: (path) => `${path} is not an ES256 private key (JWK)`,
  adminExists: 'an active admin client exists already; create others with the API or `clients create`',
  keepSecret: 'Keep this secret now: it is not stored and will not be shown again.',
  kcvFormat: '--kcv must be 16 lowercase hexadecimal characters (nonrecours keys kcv)',
  handPassword: 'Hand this password over now: it is not stored and will not be shown again.',
  unknownTask: (task) => `unknown task '${task}'`,
  notUuid: 'that id is not a UUID',
  noPassword: '--password-stdin: no password on stdin',
};

export function adminMessages(): AdminMessages {
  return language() === 'en' ? en : fr;
}
