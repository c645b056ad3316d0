// The campaign calls of the partner toolkit: the cohort to re-identify, and the contacts recorded
// back by case reference. Errors are the toolkit's (ApiError, ApiUnreachableError).
import { ApiError, ApiUnreachableError } from './api-client.ts';

export type ContactOutcome = 'contacted' | 'unreachable';

/** The largest batch the API takes in one request. */
export const CONTACTS_PER_REQUEST = 10_000;

export function createCampaignApi(apiUrl: string, token: string) {
  const base = new URL(apiUrl.endsWith('/') ? apiUrl : `${apiUrl}/`);
  const url = (conventionId: string, campaignId: string, tail: string) =>
    new URL(
      `v1/conventions/${encodeURIComponent(conventionId)}/campaigns/${encodeURIComponent(campaignId)}/${tail}`,
      base,
    );
  async function call(target: URL, init: RequestInit): Promise<string> {
    let response: Response;
    try {
      response = await fetch(target, {
        ...init,
        headers: { ...init.headers, authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(120_000),
      });
    } catch (error) {
      throw new ApiUnreachableError(`cannot reach the API at ${base.origin} (${(error as Error).message})`);
    }
    const body = await response.text();
    if (!response.ok) {
      let code = `http_${response.status}`;
      let message = response.statusText;
      try {
        ({ code, message } = JSON.parse(body) as { code: string; message: string });
      } catch {}
      throw new ApiError(response.status, code, message);
    }
    return body;
  }
  return {
    cohort: (conventionId: string, campaignId: string) =>
      call(url(conventionId, campaignId, 'cohort.csv'), { headers: { accept: 'text/csv' } }),
    async recordContacts(
      conventionId: string,
      campaignId: string,
      contacts: readonly { case_id: string; outcome: ContactOutcome }[],
    ): Promise<{ recorded: number; cases_updated: number }> {
      const body = await call(url(conventionId, campaignId, 'contacts'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ contacts }),
      });
      return JSON.parse(body) as { recorded: number; cases_updated: number };
    },
  };
}
