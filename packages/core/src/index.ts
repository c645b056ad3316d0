export { type Account, findAccount, listAccounts } from './accounts/accounts.repository.ts';
export {
  accountOfOidcIdentity,
  accountOfPassword,
  createAccount,
  disableConsoleAccount,
  generatePassword,
} from './accounts/accounts.service.ts';
export { type ActorName, actorNames, organisationNames } from './accounts/actor-names.ts';
export {
  closeSession,
  openSession,
  purgeSessions,
  resumeSession,
  type SessionLifetime,
} from './accounts/sessions.repository.ts';
export {
  type AuditEntry,
  type AuditFilter,
  type AuditOutcome,
  appendAuditEvent,
  appendAuditEvents,
  type ChainVerification,
  countAuditEvents,
  queryAuditEvents,
  streamAuditEvents,
  verifyAuditChain,
} from './audit/audit.repository.ts';
export { type AuditActor, cliActor } from './audit/audit-actor.ts';
export { type CheckpointOutcome, createAuditCheckpoint } from './audit/audit-checkpoint.service.ts';
export {
  CHECKPOINT_TYP,
  type CheckpointPayload,
  type CheckpointVerifier,
  createCheckpointVerifier,
  signCheckpoint,
} from './audit/audit-checkpoint.ts';
export {
  type CheckpointKeys,
  loadCheckpointKeys,
  loadTrustedCheckpointKeys,
} from './audit/audit-checkpoint-keys.ts';
export { checkpointSink, type SignedCheckpoint } from './audit/audit-checkpoint-sink.ts';
export { type AuditCheckpoint, lastCheckpoint } from './audit/audit-checkpoints.repository.ts';
export { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvLine } from './audit/audit-csv.ts';
export { canonicalJson, chainHash, GENESIS_HASH } from './audit/audit-hash.ts';
export {
  createReceiptVerifier,
  RECEIPT_HEADER,
  RECEIPT_TYP,
  type ReceiptVerifier,
  signReceipt,
} from './audit/audit-receipt.ts';
export {
  type AuditSigner,
  type CheckpointReason,
  checkpointReasons,
  createAuditSigner,
  startCheckpointTimer,
} from './audit/audit-signer.ts';
export {
  type CheckpointMismatch,
  type CheckpointMismatchReason,
  type CheckpointsVerification,
  checkpointMismatchReasons,
  DEFAULT_CHECKPOINT_PERIOD_SECONDS,
  type ExternalCheckpoint,
  freshnessProblems,
  type TrailProblem,
  type TrailVerification,
  trailProblems,
  verificationReport,
  verifyAuditCheckpoints,
  verifyAuditTrail,
} from './audit/audit-verification.ts';
export { recordAccess } from './audit/audit-writer.ts';
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
export { assignArms, seededStream, stratumOf } from './campaigns/campaign-assignment.ts';
export {
  type CampaignImpactReport,
  campaignImpactCsv,
  readCampaignImpact,
} from './campaigns/campaign-impact.service.ts';
export {
  type CampaignImpact,
  campaignImpact,
  impactHorizons,
  NON_CAUSAL_WARNING,
} from './campaigns/campaign-impact.ts';
export { recordCampaignObservations } from './campaigns/campaigns.repository.ts';
export {
  assignmentDigest,
  type CampaignInput,
  type CampaignView,
  closeCampaign,
  createCampaign,
  defaultCohortStatuses,
  exportCohort,
  listCampaigns,
  readCampaign,
  recordCampaignContacts,
} from './campaigns/campaigns.service.ts';
export { newcombeDifference, wilsonInterval } from './campaigns/difference-interval.ts';
export {
  type CaseFilter,
  type CaseSort,
  caseBenefits,
  caseConfidences,
  caseSorts,
} from './cases/case-query.ts';
export { type CaseFacts, type CaseSight, caseSight, caseSightSql } from './cases/case-sight.ts';
export {
  type CaseStatus,
  type CorrectionReason,
  caseStatuses,
  caseTransitions,
  correctionReasons,
  type StatusChange,
} from './cases/case-status.ts';
export { type CaseDetail, type CaseSummary, caseDetail, caseSummary } from './cases/case-view.ts';
export { type CaseViewer, caseViewerOf } from './cases/case-viewer.ts';
export { listRunCases } from './cases/cases.repository.ts';
export {
  type CaseExport,
  type CaseList,
  changeCaseStatus,
  listCases,
  openCaseExport,
  readCase,
} from './cases/cases.service.ts';
export { findClient, listClients } from './clients/clients.repository.ts';
export { changeClientAuditReceipts, createClient, revokeApiClient } from './clients/clients.service.ts';
export { generateSecret, hashSecret, verifySecret } from './clients/secrets.ts';
export { type ConventionAccess, resolveConventionAccess } from './conventions/convention-access.ts';
export {
  findConvention,
  findConventionByReference,
  listConventionPartners,
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
export { columnMeanings, dataCategories, dataSubjects } from './dpo/personal-data.ts';
export { recordOfProcessingMarkdown } from './dpo/record-of-processing.markdown.ts';
export { buildRecordOfProcessing, type RecordOfProcessing } from './dpo/record-of-processing.ts';
export * from './errors.ts';
export { type CheckOutcome, checkExtract } from './extracts/extract-check.service.ts';
export { partitionTable, rowsTable } from './extracts/extract-tables.ts';
export { receiveExtract, type UploadOutcome, type UploadRequest } from './extracts/extract-upload.service.ts';
export { failInterruptedUploads, listExtractErrors, listExtracts } from './extracts/extracts.repository.ts';
export { findVisibleExtract, withdrawExtract } from './extracts/extracts.service.ts';
export { type SlowBodyLimits, slowBodyGuard } from './extracts/slow-body-guard.ts';
export { clientWentAway, UploadInterrupted } from './extracts/upload-interrupted.ts';
export { UploadSlots } from './extracts/upload-slots.ts';
export { createJobHandlers } from './jobs/job-handlers.ts';
export { jobSchedules, keepSchedules, missingSchedules, repairSchedules } from './jobs/job-schedules.ts';
export {
  type AppJobHandlers,
  type AppJobSchemas,
  type AppQueue,
  createAppQueue,
  jobDefinitions,
} from './jobs/jobs.ts';
export {
  countFailedAttempt,
  httpRequestDuration,
  type MetricsSources,
  metricsRegistry,
  metricsText,
  observeMetrics,
} from './metrics/metrics.ts';
export { type MetricsServer, startMetricsServer } from './metrics/metrics-server.ts';
export { observeProcess } from './metrics/metrics-sources.ts';
export {
  countOppositions,
  listOppositions,
  type Opposition,
  PSEUDONYM,
} from './oppositions/oppositions.repository.ts';
export { type OppositionOutcome, registerOppositions } from './oppositions/oppositions.service.ts';
export { findPartner, listPartners } from './partners/partners.repository.ts';
export { createPartner } from './partners/partners.service.ts';
export {
  type PurgeCounts,
  type PurgeReport,
  purgeConvention,
  purgeRetention,
} from './retention/retention.service.ts';
export { requirePublishedRun } from './runs/published-run.ts';
export type { CaseCounts } from './runs/run-finalise.stage.ts';
export { isRunIntegrityError, RunIntegrityError } from './runs/run-integrity.ts';
export { LINK_WORK_MEM } from './runs/run-link.stage.ts';
export { currentExtracts } from './runs/run-select.stage.ts';
export {
  createRunWatchdog,
  dropEndedRunTables,
  failRunOfFailedJob,
  MAX_RESUMES,
  startRunWatchdog,
} from './runs/run-watchdog.ts';
export { findRun, listRuns, partitionProgress } from './runs/runs.repository.ts';
export { cancelRun, type StartRunInput, startRun } from './runs/runs.service.ts';
export { closeStageThreads } from './runs/stage-threads.ts';
export { presentedEvidence } from './runs/stored-evidence.ts';
export { untilAvailable } from './startup.ts';
export { MIN_SHOWN_COUNT, TEAM_MIN_SHOWN_COUNT } from './stats/cell-suppression.ts';
export { type FollowUpOutcome, followUpOutcomes, verifiedOutcomes } from './stats/follow-up-stats.ts';
export { UNDISCLOSED_COMMUNE } from './stats/stats.repository.ts';
export { readRunStats } from './stats/stats.service.ts';
