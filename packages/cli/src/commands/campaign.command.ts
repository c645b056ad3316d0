// `nonrecours campaign …`: the contacting partner's side of a campaign. `export` fetches the cohort
// (pseudonyms only) to re-identify locally with `nonrecours reidentify`; `contacts` records back, by
// case reference, whom it reached (`contacted`) or could not (`unreachable`), from a CSV.
import { readFile, writeFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { UsageError } from '../cli-error.ts';
import { ApiError, ApiUnreachableError, createApiClient } from '../toolkit/api-client.ts';
import { CONTACTS_PER_REQUEST, type ContactOutcome, createCampaignApi } from '../toolkit/campaign-api.ts';
import { parseOptions, required } from '../toolkit/command-options.ts';

const usage = `usage: nonrecours campaign export --api URL --convention ID --campaign ID --out COHORT.csv
       nonrecours campaign contacts --api URL --convention ID --campaign ID --in CONTACTS.csv
                                    [--outcome contacted|unreachable]

  export    the campaign's cohort, to re-identify with 'nonrecours reidentify --cases COHORT.csv':
            case_id; subject_kind; person_pseudo; household_pseudo; benefit; rule; estimated_amount;
            commune; not_before (do not contact the person before that date); contact
  contacts  records the contacts made, by case reference: CONTACTS.csv (';' or ',' separated, with
            a header) has a case_id column and an outcome column (contacted or unreachable), or
            --outcome for every row. All or nothing per batch of ${CONTACTS_PER_REQUEST}: a person
            not to be contacted yet, or an unknown reference, refuses the batch.

  --api            the service's URL (or NONRECOURS_API_URL)
  --client-id      API client credentials (or NONRECOURS_CLIENT_ID, NONRECOURS_CLIENT_SECRET)
  --client-secret`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuidOption = (value: string | undefined, name: string) => {
  const id = required(value, name);
  if (!UUID.test(id)) throw new UsageError(`--${name} must be an id (a UUID)`);
  return id;
};

/** The contacts of a CSV: its case_id column and its outcome column, or the given outcome. */
export function parseContacts(
  text: string,
  outcome: ContactOutcome | undefined,
): { case_id: string; outcome: ContactOutcome }[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { delimiter, columns: true, bom: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    throw new UsageError(`the contacts file is not valid CSV (${(error as { code?: string }).code})`);
  }
  return rows.map((row, i) => {
    const id = row.case_id;
    if (!id || !UUID.test(id))
      throw new UsageError(`the contacts file, row ${i + 1}: case_id is not a case reference`);
    const given = (row.outcome || outcome) as string | undefined;
    if (given !== 'contacted' && given !== 'unreachable')
      throw new UsageError(
        `the contacts file, row ${i + 1}: the outcome is contacted or unreachable (or give --outcome)`,
      );
    return { case_id: id.toLowerCase(), outcome: given };
  });
}

export async function run(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h') {
    console.log(usage);
    return 0;
  }
  if (action !== 'export' && action !== 'contacts')
    throw new UsageError(`unknown action '${action}'\n\n${usage}`);
  const values = parseOptions(
    rest,
    {
      api: { type: 'string' },
      convention: { type: 'string' },
      campaign: { type: 'string' },
      out: { type: 'string' },
      in: { type: 'string' },
      outcome: { type: 'string' },
      'client-id': { type: 'string' },
      'client-secret': { type: 'string' },
    },
    usage,
  );
  if (!values) return 0;
  const api = required(values.api ?? process.env.NONRECOURS_API_URL, 'api');
  const conventionId = uuidOption(values.convention, 'convention');
  const campaignId = uuidOption(values.campaign, 'campaign');
  const clientId = required(values['client-id'] ?? process.env.NONRECOURS_CLIENT_ID, 'client-id');
  const clientSecret = required(
    values['client-secret'] ?? process.env.NONRECOURS_CLIENT_SECRET,
    'client-secret',
  );
  if (values.outcome !== undefined && values.outcome !== 'contacted' && values.outcome !== 'unreachable')
    throw new UsageError('--outcome is contacted or unreachable');
  const contacts =
    action === 'contacts'
      ? parseContacts(
          await readFile(required(values.in, 'in'), 'utf8'),
          values.outcome as ContactOutcome | undefined,
        )
      : [];
  const out = action === 'export' ? required(values.out, 'out') : '';
  try {
    const token = await createApiClient(api).token(clientId, clientSecret);
    const campaigns = createCampaignApi(api, token);
    if (action === 'export') {
      const csv = await campaigns.cohort(conventionId, campaignId);
      await writeFile(out, csv, { mode: 0o600 });
      const rows = csv.trim().split(/\r?\n/).length - 1;
      console.log(
        `${rows} people in the cohort written to ${out}; re-identify them with 'nonrecours reidentify'`,
      );
      return 0;
    }
    let recorded = 0;
    let updated = 0;
    for (let i = 0; i < contacts.length; i += CONTACTS_PER_REQUEST) {
      const done = await campaigns.recordContacts(
        conventionId,
        campaignId,
        contacts.slice(i, i + CONTACTS_PER_REQUEST),
      );
      recorded += done.recorded;
      updated += done.cases_updated;
    }
    console.log(JSON.stringify({ recorded, cases_updated: updated }));
    return 0;
  } catch (error) {
    if (error instanceof ApiError || error instanceof ApiUnreachableError) {
      console.error(`nonrecours campaign: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
