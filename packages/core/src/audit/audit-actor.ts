// Who does something, as the audit trail records it.
export interface AuditActor {
  actor: string | null;
  org: string | null;
  role: string | null;
  requestId?: string | null;
  ip?: string | null;
}

/** The operator's own command line, for changes made with `nonrecours admin`. */
export const cliActor = (): AuditActor => ({
  actor: 'cli',
  org: null,
  role: 'admin',
  requestId: null,
  ip: null,
});
