// `nonrecours admin …`: operator tasks on the database — bootstrap the first admin client, the
// token signing key, partners, conventions, members and API clients, and the audit trail's
// checkpoints and verification. Every change is audited as made by the command line.

import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '@nonrecours/config';
import {
  AppError,
  changeClientAuditReceipts,
  changeConventionStatus,
  cliActor,
  createAccount,
  createAuditSigner,
  createCheckpointVerifier,
  createClient,
  createConvention,
  createPartner,
  createReceiptVerifier,
  disableConsoleAccount,
  generatePassword,
  generateSigningJwk,
  importSigningJwk,
  listAccounts,
  listClients,
  listConventions,
  listPartners,
  loadCheckpointKeys,
  putConventionMember,
  registerConventionKey,
  revokeApiClient,
  verificationReport,
  verifyAuditTrail,
} from '@nonrecours/core';
import {
  type ClientRole,
  clientRoles,
  type MemberRole,
  memberRoles,
  type PartnerKind,
  partnerKinds,
} from '@nonrecours/db';
import { withAdminDatabase } from '../admin/admin-database.ts';
import { readReceipts, readTrustedCheckpoints } from '../admin/audit-inputs.ts';
import { UsageError } from '../cli-error.ts';
import { adminMessages } from '../messages/admin-messages.ts';
import { jsonOutput, printJson } from '../messages/language.ts';

const help = () =>
  adminMessages().help({ partners: partnerKinds, clients: clientRoles, members: memberRoles });

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
// With --json one compact document, for scripts; otherwise indented, for people. Either way stdout
// holds nothing else.
const print = (value: unknown) =>
  jsonOutput() ? printJson(value) : console.log(JSON.stringify(value, null, 2));

function need(
  values: Record<string, string | boolean | undefined>,
  ...names: string[]
): Record<string, string> {
  const missing = names.filter((n) => typeof values[n] !== 'string' || values[n] === '');
  if (missing.length) throw new UsageError(adminMessages().missing(missing.map((n) => `--${n}`)));
  return values as Record<string, string>;
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string): T {
  if (!allowed.includes(value as T)) throw new UsageError(adminMessages().oneOf(what, allowed));
  return value as T;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      name: { type: 'string' },
      kind: { type: 'string' },
      siret: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      reference: { type: 'string' },
      title: { type: 'string' },
      territory: { type: 'string' },
      'legal-basis': { type: 'string' },
      purpose: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      'retention-days': { type: 'string' },
      kcv: { type: 'string' },
      roles: { type: 'string' },
      provides: { type: 'string' },
      partner: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      'audit-receipts': { type: 'boolean' },
      checkpoint: { type: 'string' },
      receipts: { type: 'string' },
    },
  });
  const [area, verb, ...args] = positionals;
  if (values.help || !area) {
    console.log(help());
    return 0;
  }
  if (area === 'signing-key') {
    const { out } = need(values, 'out');
    await writeFile(out!, `${JSON.stringify(await generateSigningJwk())}\n`, {
      mode: 0o600,
      flag: 'wx',
    }).catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(e.code === 'EEXIST' ? adminMessages().signingKeyExists(out!) : e.message);
    });
    console.error(adminMessages().signingKeyWritten(out!));
    return 0;
  }
  if (area === 'public-key') {
    const { in: file } = need(values, 'in');
    const text = await readFile(file!, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(adminMessages().cannotRead(file!, String(e.code)));
    });
    const key = await Promise.resolve()
      .then(() => importSigningJwk(JSON.parse(text)))
      .catch(() => {
        throw new UsageError(adminMessages().notPrivateKey(file!));
      });
    console.log(JSON.stringify(key.publicJwk));
    return 0;
  }
  const actor = cliActor();
  try {
    return await withAdminDatabase(async ({ db }) => {
      const task = `${area}${verb ? ` ${verb}` : ''}`;
      switch (task) {
        case 'bootstrap': {
          const existing = (await listClients(db)).filter((c) => c.role === 'admin' && c.status === 'active');
          if (existing.length) throw new UsageError(adminMessages().adminExists);
          const operator = await createPartner(db, actor, {
            name: values.name ?? 'Opérateur nonrecours',
            kind: 'operator',
            siret: null,
          });
          const { client, secret } = await createClient(db, actor, {
            partnerId: operator.id,
            name: 'bootstrap admin',
            role: 'admin',
          });
          print({ partner_id: operator.id, client_id: client.id, client_secret: secret });
          console.error(adminMessages().keepSecret);
          return 0;
        }
        case 'partners create': {
          const v = need(values, 'name', 'kind');
          print(
            await createPartner(db, actor, {
              name: v.name!,
              kind: oneOf<PartnerKind>(v.kind!, partnerKinds, '--kind'),
              siret: values.siret ?? null,
            }),
          );
          return 0;
        }
        case 'partners list':
          print(await listPartners(db));
          return 0;
        case 'conventions create': {
          const v = need(
            values,
            'reference',
            'title',
            'territory',
            'legal-basis',
            'purpose',
            'from',
            'until',
            'retention-days',
          );
          print(
            await createConvention(db, actor, {
              reference: v.reference!,
              title: v.title!,
              territory: list(v.territory),
              legal_basis: v['legal-basis']!,
              purpose: v.purpose!,
              valid_from: v.from!,
              valid_until: v.until!,
              retention_days: Number(v['retention-days']),
            }),
          );
          return 0;
        }
        case 'conventions list':
          print(await listConventions(db));
          return 0;
        case 'conventions key': {
          const { kcv } = need(values, 'kcv');
          if (!/^[0-9a-f]{16}$/.test(kcv!)) throw new UsageError(adminMessages().kcvFormat);
          print(await registerConventionKey(db, actor, requireArg(args[0], 'ID'), kcv!));
          return 0;
        }
        case 'conventions activate':
        case 'conventions suspend':
        case 'conventions end': {
          const to = ({ activate: 'active', suspend: 'suspended', end: 'ended' } as const)[
            verb as 'activate' | 'suspend' | 'end'
          ];
          print(await changeConventionStatus(db, actor, requireArg(args[0], 'ID'), to));
          return 0;
        }
        case 'members put': {
          const roles = list(need(values, 'roles').roles).map((r) =>
            oneOf<MemberRole>(r, memberRoles, '--roles'),
          );
          print(
            await putConventionMember(db, actor, {
              conventionId: requireArg(args[0], 'CONVENTION'),
              partnerId: requireArg(args[1], 'PARTNER'),
              roles,
              provides: list(values.provides),
            }),
          );
          return 0;
        }
        case 'clients create': {
          const v = need(values, 'partner', 'role', 'name');
          const { client, secret } = await createClient(db, actor, {
            partnerId: v.partner!,
            name: v.name!,
            role: oneOf<ClientRole>(v.role!, clientRoles, '--role'),
            auditReceipts: values['audit-receipts'] === true,
          });
          print({
            client_id: client.id,
            partner_id: client.partner_id,
            role: client.role,
            audit_receipts: client.audit_receipts,
            client_secret: secret,
          });
          return 0;
        }
        case 'clients audit-receipts': {
          const setting = oneOf(requireArg(args[1], 'on|off'), ['on', 'off'] as const, 'the setting');
          const { secret_hash: _h, ...client } = await changeClientAuditReceipts(
            db,
            actor,
            requireArg(args[0], 'ID'),
            setting === 'on',
          );
          print(client);
          return 0;
        }
        case 'audit checkpoint': {
          const config = loadConfig();
          const signer = createAuditSigner({
            db,
            keys: await loadCheckpointKeys(config),
            sinkFile: config.AUDIT_CHECKPOINT_SINK_FILE,
          });
          const outcome = await signer.checkpoint('on_demand', consoleLog, { ...actor, requestId: null });
          print(outcome);
          return outcome.created || outcome.reason === 'up_to_date' || outcome.reason === 'empty_chain'
            ? 0
            : 1;
        }
        case 'audit verify': {
          const config = loadConfig();
          const keys = await loadCheckpointKeys(config);
          const report = await verifyAuditTrail(db, createCheckpointVerifier(keys.trusted), {
            periodSeconds: config.AUDIT_CHECKPOINT_PERIOD_SECONDS,
            external: values.checkpoint ? await readTrustedCheckpoints(values.checkpoint) : [],
            receipts: {
              jws: values.receipts ? await readReceipts(values.receipts) : [],
              verify: createReceiptVerifier(keys.trusted),
            },
          });
          print(verificationReport(report));
          return report.ok ? 0 : 1;
        }
        case 'clients list':
          print((await listClients(db)).map(({ secret_hash: _h, ...c }) => c));
          return 0;
        case 'clients revoke':
          print(
            await revokeApiClient(db, actor, requireArg(args[0], 'ID')).then(
              ({ secret_hash: _h, ...c }) => c,
            ),
          );
          return 0;
        case 'users create': {
          const v = need(values, 'partner', 'role', 'email');
          const password = values['password-stdin'] ? await readPassword() : generatePassword();
          const { password_hash: _h, ...account } = await createAccount(db, actor, {
            partnerId: v.partner!,
            role: oneOf<MemberRole>(v.role!, memberRoles, '--role'),
            email: v.email!,
            password,
          });
          print(values['password-stdin'] ? account : { ...account, password });
          if (!values['password-stdin']) console.error(adminMessages().handPassword);
          return 0;
        }
        case 'users list':
          print((await listAccounts(db, values.partner)).map(({ password_hash: _h, ...a }) => a));
          return 0;
        case 'users disable': {
          const { password_hash: _h, ...account } = await disableConsoleAccount(
            db,
            actor,
            requireArg(args[0], 'ID'),
          );
          print(account);
          return 0;
        }
        default:
          throw new UsageError(`${adminMessages().unknownTask(task)}\n\n${help()}`);
      }
    });
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`${error.code}: ${error.message}`);
    if (error instanceof Error && /invalid input syntax for type uuid/.test(error.message))
      throw new UsageError(adminMessages().notUuid);
    throw error;
  }
}

/** The checkpoint's copy in the log goes to stderr: stdout holds the command's answer. */
const consoleLog = {
  info: (object: object, message: string) => console.error(message, JSON.stringify(object)),
  error: (object: object, message: string) => console.error(message, JSON.stringify(object)),
};

/** The first line of stdin, for a password that must not appear in the shell history. */
async function readPassword(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += chunk;
  const password = text.split(/\r?\n/)[0] ?? '';
  if (!password) throw new UsageError(adminMessages().noPassword);
  return password;
}

function requireArg(value: string | undefined, name: string): string {
  if (!value) throw new UsageError(adminMessages().missing([name]));
  return value;
}
