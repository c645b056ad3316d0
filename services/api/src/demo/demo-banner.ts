// What the first start prints once the demo run is done: where things are and how to try them.
import type { DemoSummary } from './demo.ts';

export function demoBanner(address: string, demo: DemoSummary): string {
  const rules = Object.entries(demo.byRule)
    .sort(([, a], [, b]) => b - a)
    .map(([rule, n]) => `      ${rule.padEnd(20)} ${String(n).padStart(6)}`)
    .join('\n');
  return `
  nonrecours is running at ${address} — API documentation at ${address}/docs

  Demo (synthetic territory, generated, pseudonymised and uploaded by the partner toolkit):
    convention ${demo.conventionId}
    run        ${demo.runId} — ${demo.status} in ${demo.seconds} s, ${demo.cases} presumed cases:
${rules}

  Web console: ${address}/console — demo accounts (e-mail and password per role) and API clients: ${demo.credentialsFile}
  Try:  TOKEN=$(curl -s ${address}/v1/token -d grant_type=client_credentials -d client_id=… -d client_secret=… | jq -r .access_token)
        curl -s -H "Authorization: Bearer $TOKEN" ${address}/v1/conventions/${demo.conventionId}/runs/${demo.runId}/cases?limit=5
`;
}
