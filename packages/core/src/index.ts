export {
  type AuditEntry,
  type AuditFilter,
  type AuditOutcome,
  appendAuditEvent,
  type ChainVerification,
  queryAuditEvents,
  streamAuditEvents,
  verifyAuditChain,
} from './audit/audit.repository.ts';
export { type AuditActor, cliActor } from './audit/audit-actor.ts';
export { canonicalJson, chainHash, GENESIS_HASH } from './audit/audit-hash.ts';
export { audited } from './audit/audited.ts';
export type { Principal } from './auth/principal.ts';
export {
  generateSigningJwk,
  importSigningJwk,
  loadSigningKey,
  SIGNING_ALG,
  type SigningKey,
} from './auth/signing-key.ts';
export {
  createTokenVerifier,
  issueAccessToken,
  type TokenSettings,
  type TokenVerifier,
} from './auth/tokens.ts';
export { findClient, listClients } from './clients/clients.repository.ts';
export { createClient, revokeApiClient } from './clients/clients.service.ts';
export { generateSecret, hashSecret, verifySecret } from './clients/secrets.ts';
export { type ConventionAccess, resolveConventionAccess } from './conventions/convention-access.ts';
export {
  findConvention,
  findConventionByReference,
  listConventions,
  listMembers,
  listMemberships,
} from './conventions/conventions.repository.ts';
export {
  changeConventionStatus,
  createConvention,
  putConventionMember,
  registerConventionKey,
  removeConventionMember,
  updateConventionSettings,
} from './conventions/conventions.service.ts';
export * from './errors.ts';
export { createJobHandlers } from './jobs/job-handlers.ts';
export { type AppJobHandlers, type AppJobSchemas, type AppQueue, jobDefinitions } from './jobs/jobs.ts';
export { findPartner, listPartners } from './partners/partners.repository.ts';
export { createPartner } from './partners/partners.service.ts';
