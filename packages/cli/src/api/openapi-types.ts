// Generated from openapi/openapi.json by openapi-typescript (pnpm openapi): do not edit.

export interface paths {
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The process is alive
         * @description Liveness: answers as long as the process does, whatever the state of its services. No token.
         */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Database and queue are reachable
         * @description Readiness: PostgreSQL and the queue each answer within 2 s (503 otherwise). Names the job schedulers missing from Redis without failing. No token.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange client credentials for a short-lived access token
         * @description OAuth 2.0 client credentials grant; credentials in the body or in HTTP Basic authentication.
         */
        post: operations["createAccessToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public keys of the service tokens
         * @description The JSON Web Key Set that verifies the ES256 access tokens this service signs. No token.
         */
        get: operations["getJsonWebKeySet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List partners
         * @description Operators only (an `admin` token). Recorded in the audit trail as `partner.list`.
         */
        get: operations["listPartners"];
        put?: never;
        /**
         * Register a partner
         * @description Operators only (an `admin` token). Recorded in the audit trail as `partner.create`.
         */
        post: operations["createPartner"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/conventions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List conventions
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.list`.
         */
        get: operations["listAllConventions"];
        put?: never;
        /**
         * Create a convention (as a draft)
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.create`.
         */
        post: operations["createConvention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/conventions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A convention and its members
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.read`.
         */
        get: operations["getConventionWithMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a convention’s settings
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.update`.
         */
        patch: operations["updateConvention"];
        trace?: never;
    };
    "/v1/admin/conventions/{id}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Activate a convention
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.activate`.
         */
        post: operations["activateConvention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/conventions/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a convention
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.suspend`.
         */
        post: operations["suspendConvention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/conventions/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a convention
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.end`.
         */
        post: operations["endConvention"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/conventions/{id}/key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Register the key check value of a new convention key
         * @description The key itself never reaches the service; its version increases with each registration.
         *
         *     Operators only (an `admin` token). Recorded in the audit trail as `convention.key`.
         */
        put: operations["registerConventionKey"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/conventions/{id}/members/{partnerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a partner to a convention, or change its roles and the extract kinds it provides
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.member.put`.
         */
        put: operations["setConventionMember"];
        post?: never;
        /**
         * Remove a partner from a convention
         * @description Operators only (an `admin` token). Recorded in the audit trail as `convention.member.remove`.
         */
        delete: operations["removeConventionMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API clients
         * @description Operators only (an `admin` token). Recorded in the audit trail as `client.list`.
         */
        get: operations["listClients"];
        put?: never;
        /**
         * Create an API client; its secret is shown once
         * @description Operators only (an `admin` token). Recorded in the audit trail as `client.create`.
         */
        post: operations["createClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/clients/{id}/audit-receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Turn the signed audit receipts of a client’s responses on or off
         * @description Operators only (an `admin` token). Recorded in the audit trail as `client.audit_receipts`.
         */
        put: operations["setClientAuditReceipts"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/clients/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an API client
         * @description Operators only (an `admin` token). Recorded in the audit trail as `client.revoke`.
         */
        post: operations["revokeClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The conventions your organisation is a member of
         * @description Any member organisation’s token. Recorded in the audit trail as `convention.list`.
         */
        get: operations["listConventions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One convention, with your roles in it
         * @description Members of the convention with the role `partner` or `territory` or `dpo`, whatever its status. Recorded in the audit trail as `convention.read`, purpose `access`.
         */
        get: operations["getConvention"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/partners": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisations of the convention in the role partner, by name
         * @description The contacting partner of a campaign is one of them.
         *
         *     Members of the convention with the role `territory`, while it is active. Recorded in the audit trail as `convention.partners`, purpose `outreach`.
         */
        get: operations["listConventionPartners"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Audit events of your conventions, newest first
         * @description Data protection officers only (a `dpo` token). Recorded in the audit trail as `audit.query`.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Recompute the hash chain and check its signed checkpoints and their freshness
         * @description ok holds when the chain, every checkpoint and whatever was given from outside the database hold, and the checkpoints are not overdue. The chain alone cannot show a rewrite that recomputed every hash, nor a cut tail: the checkpoints, signed with the service key, can, up to the newest one; after it, receipts can; a rewrite of the checkpoint rows themselves shows against the checkpoints of the sink.
         *
         *     Data protection officers only (a `dpo` token). Recorded in the audit trail as `audit.verify`.
         */
        get: operations["verifyAuditChain"];
        put?: never;
        /**
         * Verify the trail against trusted checkpoints and receipts kept outside the database
         * @description ok holds when the chain, every checkpoint and whatever was given from outside the database hold, and the checkpoints are not overdue. The chain alone cannot show a rewrite that recomputed every hash, nor a cut tail: the checkpoints, signed with the service key, can, up to the newest one; after it, receipts can; a rewrite of the checkpoint rows themselves shows against the checkpoints of the sink.
         *
         *     Data protection officers only (a `dpo` token). Recorded in the audit trail as `audit.verify`.
         */
        post: operations["verifyAuditTrail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign a checkpoint of the audit chain now
         * @description Signs the chain head if events were appended since the last checkpoint (200 with `created: false` otherwise), once the last checkpoint still holds and the events since recompute: a trail that no longer verifies is not signed (409 audit_trail_broken, recorded in the chain). The checkpoint is also written to the checkpoint sink (AUDIT_CHECKPOINT_SINK_FILE) and the log.
         *
         *     Data protection officers and operators (`dpo` or `admin`). Recorded in the audit trail as `audit.checkpoint`.
         */
        post: operations["createAuditCheckpoint"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the audit events of your conventions as JSON Lines, in chain order
         * @description Data protection officers only (a `dpo` token). Recorded in the audit trail as `audit.export`.
         */
        get: operations["exportAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/export.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the audit events of your conventions as CSV, in chain order
         * @description Semicolon-separated, UTF-8 with a byte order mark, a header line, details as JSON.
         *
         *     Data protection officers only (a `dpo` token). Recorded in the audit trail as `audit.export`.
         */
        get: operations["exportAuditEventsCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/record-of-processing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The record of processing of a convention (GDPR art. 30)
         * @description Members of the convention with the role `dpo`, whatever its status. Recorded in the audit trail as `convention.record_of_processing`, purpose `audit`.
         */
        get: operations["getRecordOfProcessing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/record-of-processing.md": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The record of processing of a convention (GDPR art. 30), as Markdown
         * @description Members of the convention with the role `dpo`, whatever its status. Recorded in the audit trail as `convention.record_of_processing`, purpose `audit`.
         */
        get: operations["getRecordOfProcessingMarkdown"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Runs of the convention, newest first
         * @description Members of the convention with the role `territory` or `dpo`, whatever its status. Recorded in the audit trail as `run.list`, purpose `matching`.
         */
        get: operations["listRuns"];
        put?: never;
        /**
         * Start a matching run
         * @description Links the current extracts and applies the rule pack; answers at once, the run goes on in the workers.
         *
         *     Members of the convention with the role `territory`, while it is active. Recorded in the audit trail as `run.start`, purpose `matching`.
         */
        post: operations["startRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A run: status, progress per stage, counts, linkage report
         * @description Members of the convention with the role `territory` or `dpo`, whatever its status. Recorded in the audit trail as `run.read`, purpose `matching`.
         */
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/runs/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a queued or running run
         * @description Members of the convention with the role `territory`, while it is active. Recorded in the audit trail as `run.cancel`, purpose `matching`.
         */
        post: operations["cancelRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/runs/{id}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The presumed cases of a published run, page by page
         * @description Members of the convention with the role `territory`, while it is active. Recorded in the audit trail as `run.cases`, purpose `follow_up`.
         */
        get: operations["listRunCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Presumed cases of the latest published run, filtered, a page at a time
         * @description Pages follow `next_cursor` until it is null. A page examines a bounded number of cases: with filters that keep few of them it may hold fewer than `limit` items, even none, and still have a `next_cursor`. A cursor goes on with the run and the order of its first page.
         *
         *     Members of the convention with the role `territory` or `partner`, while it is active. Recorded in the audit trail as `case.list`, purpose `follow_up`.
         */
        get: operations["listCases"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/cases.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export the filtered cases as CSV, for a spreadsheet or `nonrecours reidentify`
         * @description Semicolon-separated, UTF-8 with a byte order mark, a header row, decimal commas. For tools: case_id; person_pseudo (a person, or a household’s allocataire); household_pseudo (a household or tenancy, for its own partner). For people, in French (headers and values): Sujet; Prestation; Variante; Règle; Confiance; Montant estimé (€ par mois); Commune (« Rennes (35238) »); Suivi; Données de. The codes again, for filters and scripts: code_sujet; code_prestation; code_variante; code_regle; code_confiance; code_commune (INSEE); code_suivi; code_donnees (kinds of partner, comma-separated). Same filters, order, visibility and need to know as the list (a withheld value is empty); streamed.
         *
         *     Members of the convention with the role `territory` or `partner`, while it is active. Recorded in the audit trail as `case.export`, purpose `follow_up`.
         */
        get: operations["exportCasesCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One case with its evidence, structured and in plain French
         * @description Members of the convention with the role `territory` or `partner`, while it is active. Recorded in the audit trail as `case.read`, purpose `follow_up`.
         */
        get: operations["getCase"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Record the follow-up outcome of a case of the latest published run
         * @description Outcome codes only. to_contact → contacted, unreachable, refused, already_covered, not_eligible; contacted → rights_opened, already_covered, not_eligible, refused, unreachable; unreachable → contacted; the others are final. Another change answers 409 with the allowed outcomes. A `correction` (after a mis-click, a wrong entry, new information or a partner’s check) sets any other outcome once one was recorded (409 nothing_to_correct otherwise, correction_unchanged for the same outcome); the history keeps the corrected outcome and the reason, audited as case.correct.
         *
         *     Members of the convention with the role `territory`, while it is active. Recorded in the audit trail as `case.update`, purpose `follow_up`.
         */
        patch: operations["recordCaseOutcome"];
        trace?: never;
    };
    "/v1/conventions/{cid}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statistics of a published run, with small counts suppressed
         * @description Presumed cases of the latest published run (or `run`) by benefit, rule and commune, each benefit by follow-up outcome, the verified share and the monthly amounts of the rights opened. Every count from 1 to 4 is suppressed, totals included, and so are enough other cells that no suppressed one can be recomputed from the rows, columns, subtotals or totals of these tables, nor a group of suppressed cells of one line be shown to hold fewer than 5 cases. Zeros are shown. The figures follow the follow-up as it is recorded. A partner gets the figures of the cases it may list, the amounts only of the cases whose every input is its own. `series` gives, month by month, the cases presumed, contacted and declared opened, and those the next extracts showed taken up (with and without a contact), protected month by month in the same way (territory teams and DPOs).
         *
         *     Members of the convention with the role `territory` or `dpo` or `partner`, whatever its status. Recorded in the audit trail as `stats.read`, purpose `evaluation`.
         */
        get: operations["getRunStatistics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The convention’s campaigns (a partner: those it contacts for), newest first
         * @description Members of the convention with the role `territory` or `partner` or `dpo`, while it is active. Recorded in the audit trail as `campaign.list`, purpose `outreach`.
         */
        get: operations["listCampaigns"];
        put?: never;
        /**
         * Create a campaign: its cohort is frozen from the latest published run
         * @description The cohort is the cases of the latest published run of the benefit that pass the list filters (by default those to_contact or unreachable), never a person who refused or objected, nor one already in an open campaign of the benefit (409 `case_in_open_campaign` if another creation took it meanwhile). With `comparison`, that share of each stratum (benefit × commune), within one case, is drawn at random from the seed and kept out of the contact until the date; the design and a digest of the assignment are in the audit event. 409 `no_published_run`, `empty_cohort`.
         *
         *     Members of the convention with the role `territory`, while it is active. Recorded in the audit trail as `campaign.create`, purpose `outreach`.
         */
        post: operations["createCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One campaign with its arms and the contacts recorded
         * @description Members of the convention with the role `territory` or `partner` or `dpo`, while it is active. Recorded in the audit trail as `campaign.read`, purpose `outreach`.
         */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/campaigns/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a campaign: its members may then join another campaign of the benefit
         * @description Later runs still record what they show of its members, so its impact goes on being measured.
         *
         *     Members of the convention with the role `territory`, while it is active. Recorded in the audit trail as `campaign.close`, purpose `outreach`.
         */
        post: operations["closeCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/campaigns/{id}/cohort.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The cohort to re-identify with `nonrecours reidentify`, as CSV
         * @description Semicolon-separated, UTF-8 with a byte order mark: case_id (the reference to record contacts by); subject_kind; person_pseudo; household_pseudo; benefit; rule; estimated_amount (decimal comma; for a partner, only when its own values alone computed it); commune; not_before (a date before which the person is not to be contacted, else empty); contact (what was recorded). The pseudonyms it discloses are recorded with its audit event.
         *
         *     Members of the convention with the role `territory` or `partner`, while it is active. Recorded in the audit trail as `campaign.export`, purpose `outreach`.
         */
        get: operations["exportCampaignCohort"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/campaigns/{id}/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record contacts made (contacted, unreachable), in bulk, by case reference
         * @description All or nothing: 400 `unknown_case_reference` when a reference is not in the cohort, 409 `not_to_contact_yet` when a person is not to be contacted before a date still to come, 409 `campaign_closed`. Each contact is also the follow-up of the person’s current case where its outcome allows it (to_contact → contacted or unreachable; unreachable → contacted; contacted → unreachable).
         *
         *     Members of the convention with the role `partner` or `territory`, while it is active. Recorded in the audit trail as `campaign.contacts`, purpose `outreach`.
         */
        post: operations["recordCampaignContacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/campaigns/{id}/impact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Take-up per arm at 1, 2, 3 and 6 months, declared outcomes, amounts, and the uplift with its 95 % interval
         * @description Counts from 1 to 4 are suppressed (`suppressed: true`, `value: null`), with secondary suppression across the arms and their totals; a share or interval goes with its counts. A horizon that no published run reaches yet has `observed: false`.
         *
         *     Members of the convention with the role `territory` or `dpo`, while it is active. Recorded in the audit trail as `campaign.impact`, purpose `statistics`.
         */
        get: operations["getCampaignImpact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/campaigns/{id}/impact.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The impact as CSV for the evaluators: one row per arm, figure and horizon
         * @description campaign; as_of; design; arm (contact, comparison, before, uplift); figure; months; value (`secret` when suppressed); share; low; high (95 %); note.
         *
         *     Members of the convention with the role `territory` or `dpo`, while it is active. Recorded in the audit trail as `campaign.impact_export`, purpose `statistics`.
         */
        get: operations["exportCampaignImpact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/oppositions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The registered oppositions, in pseudonym order, page by page
         * @description Members of the convention with the role `dpo`, whatever its status. Recorded in the audit trail as `opposition.list`, purpose `rights`.
         */
        get: operations["listOppositions"];
        put?: never;
        /**
         * Register oppositions: the persons are excluded from every later run
         * @description Registering a pseudonym again changes nothing (idempotent). In the same transaction every case of the convention that concerns one of the pseudonyms (as subject or household member) is deleted. The audit trail records the counts, never the pseudonyms.
         *
         *     Members of the convention with the role `partner` or `dpo`, whatever its status. Recorded in the audit trail as `opposition.register`, purpose `rights`.
         */
        post: operations["registerOppositions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/extracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Extracts of the convention (a partner sees its own), newest first
         * @description Members of the convention with the role `partner` or `territory` or `dpo`, whatever its status. Recorded in the audit trail as `extract.list`, purpose `ingestion`.
         */
        get: operations["listExtracts"];
        put?: never;
        /**
         * Upload a pseudonymised extract (streamed CSV)
         * @description The body is the extract of EXTRACTS.md as `text/csv` in UTF-8 (optionally `Content-Encoding: gzip`). The key check, the kind, the schema, the reference month and the partner’s right to provide that kind are verified before the body is read. The rows are validated while they stream and loaded at once when the extract is accepted. With `dry_run=true` the whole file is checked exactly as an upload would check it and the verdict returned (200), with nothing stored and nothing superseded.
         *
         *     Members of the convention with the role `partner`, while it is active. Recorded in the audit trail as `extract.upload`, purpose `ingestion`.
         */
        post: operations["uploadExtract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/extracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One extract: status, counts, hash, timings
         * @description Members of the convention with the role `partner` or `territory` or `dpo`, whatever its status. Recorded in the audit trail as `extract.read`, purpose `ingestion`.
         */
        get: operations["getExtract"];
        put?: never;
        post?: never;
        /**
         * Withdraw an extract: its rows are deleted
         * @description Members of the convention with the role `partner`, whatever its status. Recorded in the audit trail as `extract.withdraw`, purpose `ingestion`.
         */
        delete: operations["withdrawExtract"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/conventions/{cid}/extracts/{id}/errors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Row errors of an extract: line, column and code, never the value
         * @description Members of the convention with the role `partner`, whatever its status. Recorded in the audit trail as `extract.errors`, purpose `ingestion`.
         */
        get: operations["listExtractErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        NewCampaignInput: {
            name: string;
            /** @enum {string} */
            benefit: "c2s" | "rsa" | "ppa" | "aspa" | "housing_aid";
            /** @default {} */
            filter: {
                rule?: string;
                /** @enum {string} */
                confidence?: "high" | "medium" | "low";
                /**
                 * @description default: to_contact and unreachable; refused is never contacted again
                 * @enum {string}
                 */
                status?: "to_contact" | "contacted" | "unreachable" | "rights_opened" | "already_covered" | "not_eligible" | "refused";
                commune?: string;
                /** @description euros per month */
                min_amount?: number;
            };
            /** @enum {string} */
            channel: "courrier" | "appel" | "sms" | "porte_a_porte" | "bailleur" | "permanence";
            /**
             * Format: uuid
             * @description the partner that re-identifies the people and contacts them
             */
            contacting_partner_id: string;
            /** Format: date */
            starts_on: string;
            /** Format: date */
            ends_on: string;
            /** @description an optional randomised comparison group, stratified by benefit and commune */
            comparison?: {
                /** @description the share of each stratum kept out of the contact, from 0.05 to 0.5 (else 400 `invalid_share`) */
                share: number;
                /**
                 * Format: date
                 * @description no contact of the comparison group before this date
                 */
                until: string;
                /** @description default: a random seed, recorded with the campaign */
                seed?: string;
            };
        };
        /** @description Every error: a stable machine-readable code and a message for people. */
        Error: {
            code: string;
            message: string;
            details?: unknown;
        };
        Convention: {
            /** Format: uuid */
            id: string;
            reference: string;
            title: string;
            territory: string[];
            legal_basis: string;
            purpose: string;
            /** @enum {string} */
            status: "draft" | "active" | "suspended" | "ended";
            /** Format: date */
            valid_from: string;
            /** Format: date */
            valid_until: string;
            retention_days: number;
            max_error_rate: number;
            key_check_value: string | null;
            key_version: number;
            rule_pack: string;
            dice_threshold: number;
            /**
             * @description how tenants without a NIR are linked after exact linkage: dice (Bloom filters at dice_threshold) or probabilistic (household-aware match weights estimated from the run)
             * @enum {string}
             */
            linkage_method: "dice" | "probabilistic";
            /** @description probabilistic: the match weight (log2) a link needs; null: the one each run estimates */
            link_weight_threshold: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        ConventionMember: {
            /** Format: uuid */
            convention_id: string;
            /** Format: uuid */
            partner_id: string;
            roles: ("partner" | "territory" | "dpo")[];
            provides: string[];
        };
        MyConvention: {
            /** Format: uuid */
            id: string;
            reference: string;
            title: string;
            territory: string[];
            legal_basis: string;
            purpose: string;
            /** @enum {string} */
            status: "draft" | "active" | "suspended" | "ended";
            /** Format: date */
            valid_from: string;
            /** Format: date */
            valid_until: string;
            retention_days: number;
            max_error_rate: number;
            key_version: number;
            rule_pack: string;
            dice_threshold: number;
            /**
             * @description how tenants without a NIR are linked after exact linkage: dice (Bloom filters at dice_threshold) or probabilistic (household-aware match weights estimated from the run)
             * @enum {string}
             */
            linkage_method: "dice" | "probabilistic";
            /** @description probabilistic: the match weight (log2) a link needs; null: the one each run estimates */
            link_weight_threshold: number | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            roles: ("partner" | "territory" | "dpo")[];
            provides: string[];
        };
        ConventionPartner: {
            /** Format: uuid */
            partner_id: string;
            name: string;
            /** @enum {string} */
            kind: "caf" | "cpam" | "msa" | "carsat" | "landlord" | "territory" | "operator" | "other";
            /** @description the extract kinds it provides */
            provides: string[];
        };
        Partner: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @enum {string} */
            kind: "caf" | "cpam" | "msa" | "carsat" | "landlord" | "territory" | "operator" | "other";
            siret: string | null;
            /** Format: date-time */
            created_at: string;
        };
        ApiClient: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            partner_id: string;
            name: string;
            /** @enum {string} */
            role: "partner" | "territory" | "dpo" | "admin";
            /** @enum {string} */
            status: "active" | "revoked";
            /** Format: date-time */
            created_at: string;
            revoked_at: string | null;
            /** @description its audited responses carry a signed `audit-receipt` header */
            audit_receipts: boolean;
        };
        Campaign: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            convention_id: string;
            name: string;
            benefit: string;
            filter: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            channel: "courrier" | "appel" | "sms" | "porte_a_porte" | "bailleur" | "permanence";
            /** Format: uuid */
            contacting_partner_id: string;
            /** Format: date */
            starts_on: string;
            /** Format: date */
            ends_on: string;
            /** @enum {string} */
            status: "open" | "closed";
            /** @description the published run whose cases were frozen */
            run_id: string | null;
            /**
             * Format: date
             * @description that run’s month
             */
            as_of: string;
            cohort_size: number;
            comparison_share: number | null;
            comparison_until: string | null;
            /** @description the randomisation seed; null for a partner */
            seed: string | null;
            /** @description for a partner, one line for the whole cohort (arm `contact`) */
            arms: {
                /** @enum {string} */
                arm: "contact" | "comparison";
                members: number;
                contacted: number;
                unreachable: number;
            }[];
            created_by: string;
            /** Format: date-time */
            created_at: string;
            closed_at: string | null;
        };
        CampaignImpact: {
            /** Format: uuid */
            campaign_id: string;
            /** @description the cohort’s month, YYYY-MM */
            as_of: string;
            /** @enum {string} */
            design: "randomised" | "before_after";
            /** @description “pas de groupe témoin : estimation non causale” without one */
            warning: string | null;
            /** @description months of published runs after the cohort’s */
            months_observed: number;
            arms: {
                /** @enum {string} */
                arm: "contact" | "comparison";
                members: number;
                contacted: {
                    value: number | null;
                    suppressed: boolean;
                };
                unreachable: {
                    value: number | null;
                    suppressed: boolean;
                };
                no_longer_presumed: {
                    value: number | null;
                    suppressed: boolean;
                };
                /** @description taken up as the later extracts show it, at 1, 2, 3, 6 months */
                take_up: {
                    months: number;
                    observed: boolean;
                    taken_up: {
                        value: number | null;
                        suppressed: boolean;
                    };
                    share: number | null;
                    /** @description Wilson 95 % */
                    interval: {
                        low: number;
                        high: number;
                    } | null;
                }[];
                /** @description estimated monthly amounts (euros) of the rights taken up */
                amount_monthly: {
                    value: number | null;
                    suppressed: boolean;
                };
                amount_annual: {
                    value: number | null;
                    suppressed: boolean;
                };
                /** @description members by the follow-up outcome of their current case */
                declared: {
                    [key: string]: {
                        value: number | null;
                        suppressed: boolean;
                    };
                };
            }[];
            /** @description without a comparison group: the benefit’s cases of the month before, taken up one month later */
            before: {
                cases: {
                    value: number | null;
                    suppressed: boolean;
                };
                taken_up: {
                    value: number | null;
                    suppressed: boolean;
                };
                share: number | null;
            } | null;
            /** @description contact − comparison take-up (before/after: one month, after − before), Newcombe hybrid score 95 % */
            uplift: {
                months: number;
                observed: boolean;
                suppressed: boolean;
                estimate: number | null;
                low: number | null;
                high: number | null;
            }[];
        };
        CaseSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            run_id: string;
            /** @enum {string} */
            subject_kind: "person" | "household" | "tenancy";
            /** @description the person, or for a tenancy the tenancy (household) pseudonym */
            subject_pseudo: string;
            /** @description for a partner, only when the household comes from its own extract */
            household_pseudo: string | null;
            benefit: string;
            /** @description null for a partner when `withheld` */
            variant: string | null;
            rule: string;
            rule_version: string;
            /** @enum {string} */
            confidence: "high" | "medium" | "low";
            /** @description euros per month; null for a partner when `withheld` */
            estimated_amount: number | null;
            /** @description INSEE code; for a partner, only when the case’s profile comes from its own extract */
            commune: string | null;
            /** @enum {string} */
            status: "to_contact" | "contacted" | "unreachable" | "rights_opened" | "already_covered" | "not_eligible" | "refused";
            /** @description for a partner, only itself */
            source_partners: string[];
            /** @description the kinds of partner (caf, cpam, …) whose data the case’s rules read */
            rests_on: string[];
            /** @description true for a partner when some value the case’s rules read is another partner’s: the amount, variant, parameters, computation, explanation and supporting results are then not shown, nor used to sort or filter */
            withheld: boolean;
            /**
             * Format: date-time
             * @description when the presumption was first made: the case carries it over from run to run with its follow-up
             */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
            /** @description the benefit in French, for a person */
            benefit_label: string;
            /** @description the variant in French; null when `variant` is */
            variant_label: string | null;
            /** @description what the rule presumes, in French */
            rule_label: string;
            confidence_label: string;
            /** @description the follow-up outcome in French */
            status_label: string;
            /** @description « Rennes (35238) »: the commune’s name and code; null when `commune` is */
            commune_label: string | null;
        };
        CaseEvidence: {
            rule: {
                id: string;
                version: string;
            };
            as_of: string;
            /** @description empty for a partner when `withheld` */
            parameters: {
                name: string;
                label: string;
                unit: string;
                value: number;
                effective_from: string;
                month: string;
                reference: {
                    title: string;
                    href: string | null;
                };
            }[];
            inputs: {
                column: string;
                value: string | number | boolean | null;
                kind: string;
                /** Format: uuid */
                partner: string;
                reference_month: string;
                /** @description the pseudonym of the row the value was read on */
                pseudo: string;
                /** @description own_row, household_pseudo, or how another extract’s row was linked */
                link: string;
            }[];
            /** @description null for a partner when other partners’ values went into it */
            computation: {
                name: string;
                value: number;
            }[] | null;
            /** @description idem */
            explanation: string | null;
            /** @description the presumption warning and the known limits of the rule */
            limits: string | null;
            /** @description inputs from other partners’ extracts were used and are not shown */
            inputs_withheld: boolean;
            supporting: {
                rule: {
                    id: string;
                    version: string;
                };
                confidence: ("high" | "medium" | "low") | null;
                amount: number | null;
                variant: string | null;
                evidence: {
                    rule: {
                        id: string;
                        version: string;
                    };
                    as_of: string;
                    /** @description empty for a partner when `withheld` */
                    parameters: {
                        name: string;
                        label: string;
                        unit: string;
                        value: number;
                        effective_from: string;
                        month: string;
                        reference: {
                            title: string;
                            href: string | null;
                        };
                    }[];
                    inputs: {
                        column: string;
                        value: string | number | boolean | null;
                        kind: string;
                        /** Format: uuid */
                        partner: string;
                        reference_month: string;
                        /** @description the pseudonym of the row the value was read on */
                        pseudo: string;
                        /** @description own_row, household_pseudo, or how another extract’s row was linked */
                        link: string;
                    }[];
                    /** @description null for a partner when other partners’ values went into it */
                    computation: {
                        name: string;
                        value: number;
                    }[] | null;
                    /** @description idem */
                    explanation: string | null;
                    /** @description the presumption warning and the known limits of the rule */
                    limits: string | null;
                    /** @description inputs from other partners’ extracts were used and are not shown */
                    inputs_withheld: boolean;
                };
            }[];
        };
        CaseDetail: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            run_id: string;
            /** @enum {string} */
            subject_kind: "person" | "household" | "tenancy";
            /** @description the person, or for a tenancy the tenancy (household) pseudonym */
            subject_pseudo: string;
            /** @description for a partner, only when the household comes from its own extract */
            household_pseudo: string | null;
            benefit: string;
            /** @description null for a partner when `withheld` */
            variant: string | null;
            rule: string;
            rule_version: string;
            /** @enum {string} */
            confidence: "high" | "medium" | "low";
            /** @description euros per month; null for a partner when `withheld` */
            estimated_amount: number | null;
            /** @description INSEE code; for a partner, only when the case’s profile comes from its own extract */
            commune: string | null;
            /** @enum {string} */
            status: "to_contact" | "contacted" | "unreachable" | "rights_opened" | "already_covered" | "not_eligible" | "refused";
            /** @description for a partner, only itself */
            source_partners: string[];
            /** @description the kinds of partner (caf, cpam, …) whose data the case’s rules read */
            rests_on: string[];
            /** @description true for a partner when some value the case’s rules read is another partner’s: the amount, variant, parameters, computation, explanation and supporting results are then not shown, nor used to sort or filter */
            withheld: boolean;
            /**
             * Format: date-time
             * @description when the presumption was first made: the case carries it over from run to run with its follow-up
             */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
            /** @description the benefit in French, for a person */
            benefit_label: string;
            /** @description the variant in French; null when `variant` is */
            variant_label: string | null;
            /** @description what the rule presumes, in French */
            rule_label: string;
            confidence_label: string;
            /** @description the follow-up outcome in French */
            status_label: string;
            /** @description « Rennes (35238) »: the commune’s name and code; null when `commune` is */
            commune_label: string | null;
            /** @description null for partners */
            status_history: {
                /** @enum {string} */
                status: "to_contact" | "contacted" | "unreachable" | "rights_opened" | "already_covered" | "not_eligible" | "refused";
                at: string;
                /** @description the id of the account or API client (the token’s subject) */
                actor: string;
                /** @description the account’s e-mail address or the API client’s name; null for a command */
                actor_name: string | null;
                /** Format: uuid */
                organisation: string;
                organisation_name: string | null;
                /** @description present when this change corrected the outcome before it */
                correction?: {
                    /** @enum {string} */
                    previous: "to_contact" | "contacted" | "unreachable" | "rights_opened" | "already_covered" | "not_eligible" | "refused";
                    /** @enum {string} */
                    reason: "entry_error" | "new_information" | "partner_check";
                };
            }[] | null;
            evidence: components["schemas"]["CaseEvidence"];
            /** @description the case told in plain French, one sentence or item a line */
            plain_french: string[];
            /** @description the partners that can put a name on the case: each finds the person in the clear file its extract was pseudonymised from, with `nonrecours reidentify` and its cases export; a partner sees only itself */
            reidentification: {
                /** Format: uuid */
                partner_id: string;
                partner_name: string;
                kind: string;
                /** Format: uuid */
                extract_id: string;
                reference_month: string;
                /** @description the case’s profile was built on this extract’s row */
                profile: boolean;
            }[];
        };
        RecordOfProcessing: {
            /** Format: date-time */
            generated_at: string;
            convention: {
                /** Format: uuid */
                id: string;
                reference: string;
                title: string;
                /** @enum {string} */
                status: "draft" | "active" | "suspended" | "ended";
                /** Format: date */
                valid_from: string;
                /** Format: date */
                valid_until: string;
                territory: string[];
                rule_pack: string;
            };
            /** @description The members of the convention: controllers and other parties, with their roles */
            parties: {
                /** Format: uuid */
                partner_id: string;
                name: string;
                /** @enum {string} */
                kind: "caf" | "cpam" | "msa" | "carsat" | "landlord" | "territory" | "operator" | "other";
                siret: string | null;
                roles: ("partner" | "territory" | "dpo")[];
                provides: string[];
            }[];
            purposes: {
                stated: string;
                statements: string[];
            };
            legal_basis: {
                stated: string;
                gdpr: string[];
            };
            data_subjects: {
                /** @enum {string} */
                kind: "caf" | "cpam" | "msa" | "carsat" | "landlord";
                description: string;
                provided_by: string[];
            }[];
            /** @description Per extract kind provided by a member: its columns and their categories */
            personal_data: {
                /** @enum {string} */
                kind: "caf" | "cpam" | "msa" | "carsat" | "landlord";
                schema: string;
                provided_by: string[];
                columns: {
                    name: string;
                    required: boolean;
                    /** @enum {string} */
                    category: "identifiant pseudonymisé" | "identification" | "localisation" | "situation familiale" | "situation économique et financière" | "logement" | "prestations sociales" | "couverture santé" | "autre";
                    description: string;
                    /** @description falls, or may fall, under GDPR art. 9 */
                    special_category: boolean;
                    note: string | null;
                }[];
            }[];
            special_categories: {
                present: boolean;
                columns: string[];
                note: string;
            };
            recipients: {
                /** @enum {string} */
                role: "partner" | "territory" | "dpo";
                access: string;
                members: string[];
            }[];
            transfers: {
                outside_eu: boolean;
                note: string;
            };
            retention: {
                retention_days: number;
                extracts: string;
                cases: string;
                audit_trail: string;
            };
            security_measures: string[];
            dpia: {
                required: boolean;
                note: string;
            };
            /** @description What the service cannot know and the DPO must add */
            to_complete: string[];
            /** @description The outreach campaigns: purpose, legal basis, safeguards and the design of each */
            outreach: {
                purpose: string;
                legal_basis: string;
                safeguards: string[];
                campaigns: {
                    /** Format: uuid */
                    id: string;
                    name: string;
                    benefit: string;
                    channel: string;
                    contacting_partner: string;
                    /** Format: date */
                    starts_on: string;
                    /** Format: date */
                    ends_on: string;
                    /** @enum {string} */
                    status: "open" | "closed";
                    cohort_size: number;
                    frozen_month: string;
                    comparison: {
                        share: number;
                        /** Format: date */
                        until: string;
                        seed: string;
                        stratified_by: string[];
                    } | null;
                }[];
            };
        };
        Extract: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            partner_id: string;
            /** @enum {string} */
            kind: "caf" | "cpam" | "msa" | "carsat" | "landlord";
            schema: string;
            reference_month: string;
            /** @enum {string} */
            status: "receiving" | "accepted" | "rejected" | "failed" | "withdrawn" | "purged";
            /** @description accepted and not superseded by a newer extract of the same partner and kind */
            current: boolean;
            superseded_by: string | null;
            row_count: number | null;
            valid_count: number | null;
            error_count: number | null;
            bytes: number | null;
            sha256: string | null;
            key_version: number;
            uploaded_by: string;
            refusal: {
                code: string;
                message: string;
                /** @description where: line and column, or the header columns at fault (names, never values) */
                details?: {
                    [key: string]: unknown;
                };
            } | null;
            /** Format: date-time */
            received_at: string;
            finished_at: string | null;
            /** Format: date-time */
            expires_at: string;
            withdrawn_at: string | null;
        };
        ExtractCheck: {
            /** @constant */
            dry_run: true;
            /**
             * @description what an upload of this file would answer
             * @enum {string}
             */
            verdict: "accepted" | "rejected";
            refusal: {
                code: string;
                message: string;
                details?: {
                    [key: string]: unknown;
                };
            } | null;
            row_count: number;
            valid_count: number;
            error_count: number;
            /** @description the first row errors: line, column and code, never the value */
            errors: {
                line: number;
                column: string | null;
                code: string;
            }[];
            bytes: number;
            sha256: string | null;
        };
        Run: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            rule_pack: string;
            as_of: string | null;
            dice_threshold: number;
            /** @enum {string} */
            linkage_method: "dice" | "probabilistic";
            link_weight_threshold: number | null;
            partitions: number;
            stages: {
                /** @enum {string} */
                stage: "select" | "link" | "evaluate" | "finalise";
                /** @enum {string} */
                status: "pending" | "running" | "done" | "failed" | "cancelled";
                done?: number;
                total?: number;
            }[];
            extracts: {
                /** Format: uuid */
                id: string;
                kind: string;
                /** Format: uuid */
                partner_id: string;
                reference_month: string;
                rows: number;
            }[];
            /** @description linkage counts and Dice histogram, cases per rule, benefit and confidence, timings */
            report: {
                [key: string]: unknown;
            };
            warnings: unknown[];
            error: string | null;
            started_by: string;
            /** Format: date-time */
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
        };
        Case: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            run_id: string;
            /** @enum {string} */
            subject_kind: "person" | "household" | "tenancy";
            subject_pseudo: string;
            household_pseudo: string | null;
            benefit: string;
            variant: string | null;
            rule: string;
            rule_version: string;
            /** @enum {string} */
            confidence: "high" | "medium" | "low";
            estimated_amount: number | null;
            commune: string;
            source_partners: string[];
            status: string;
            evidence: unknown;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
        };
        /** @description A published figure. A suppressed one has `value: null` and `suppressed: true`, never a number; an amount may also be `null` unsuppressed when none of its cases carries an estimate. */
        StatCell: {
            value: number | null;
            suppressed: boolean;
        };
        StatsMonth: {
            /** @description YYYY-MM: the as_of of the month’s run (the latest published of that month) */
            month: string;
            /** Format: uuid */
            run_id: string;
            overall: {
                /** @description cases presumed in that month’s run (not those kept open while their subject was absent) */
                presumed: components["schemas"]["StatCell"];
                /** @description cases of that month’s list whose follow-up went past to_contact */
                contacted: components["schemas"]["StatCell"];
                /** @description cases of that month’s list the team recorded as rights_opened */
                declared_opened: components["schemas"]["StatCell"];
                /** @description cases of the previous month that this month’s extracts show receiving the benefit */
                taken_up: components["schemas"]["StatCell"];
                /** @description of those, the cases whose follow-up went past to_contact */
                taken_up_contacted: components["schemas"]["StatCell"];
                /** @description of those, the cases never contacted */
                taken_up_not_contacted: components["schemas"]["StatCell"];
                /** @description sum of the estimated monthly amounts (euros) of the cases taken up; suppressed with their count or when fewer than 5 cases contribute; null unsuppressed when none carries an estimate (C2S) */
                taken_up_amount: components["schemas"]["StatCell"];
                /** @description median months from the month a case was first presumed to the month it was seen taken up; suppressed with the count of cases taken up, or when it is under 5 */
                median_months_to_take_up: components["schemas"]["StatCell"];
            };
            by_benefit: {
                benefit: string;
                /** @description cases presumed in that month’s run (not those kept open while their subject was absent) */
                presumed: components["schemas"]["StatCell"];
                /** @description cases of that month’s list whose follow-up went past to_contact */
                contacted: components["schemas"]["StatCell"];
                /** @description cases of that month’s list the team recorded as rights_opened */
                declared_opened: components["schemas"]["StatCell"];
                /** @description cases of the previous month that this month’s extracts show receiving the benefit */
                taken_up: components["schemas"]["StatCell"];
                /** @description of those, the cases whose follow-up went past to_contact */
                taken_up_contacted: components["schemas"]["StatCell"];
                /** @description of those, the cases never contacted */
                taken_up_not_contacted: components["schemas"]["StatCell"];
                /** @description sum of the estimated monthly amounts (euros) of the cases taken up; suppressed with their count or when fewer than 5 cases contribute; null unsuppressed when none carries an estimate (C2S) */
                taken_up_amount: components["schemas"]["StatCell"];
                /** @description median months from the month a case was first presumed to the month it was seen taken up; suppressed with the count of cases taken up, or when it is under 5 */
                median_months_to_take_up: components["schemas"]["StatCell"];
            }[];
        };
        RunStats: {
            run: {
                /** Format: uuid */
                id: string;
                rule_pack: string;
                /** @description the month the rules were applied at, YYYY-MM */
                as_of: string | null;
                finished_at: string | null;
            };
            /** @enum {string} */
            disclosure: "published" | "team";
            /** @description counts from 1 to this value minus one are suppressed, and so is what would give them back; 1 for `team` */
            min_shown_count: number;
            overall: {
                /** @description presumed non-take-up cases */
                presumed: components["schemas"]["StatCell"];
                /** @description cases whose follow-up reached a conclusion: rights_opened, already_covered, not_eligible, refused */
                verified: components["schemas"]["StatCell"];
                /** @description verified / presumed, null when either is suppressed or zero */
                verified_share: number | null;
                /** @description presumed cases by follow-up outcome */
                outcomes: {
                    to_contact: components["schemas"]["StatCell"];
                    contacted: components["schemas"]["StatCell"];
                    rights_opened: components["schemas"]["StatCell"];
                    already_covered: components["schemas"]["StatCell"];
                    not_eligible: components["schemas"]["StatCell"];
                    refused: components["schemas"]["StatCell"];
                    unreachable: components["schemas"]["StatCell"];
                };
                /** @description sum of the estimated monthly amounts (euros) of the cases whose rights were opened; suppressed with their count or when fewer than 5 cases contribute; null unsuppressed when no case carries an estimate (C2S) */
                rights_opened_amount: components["schemas"]["StatCell"];
            };
            by_benefit: {
                benefit: string;
                /** @description the benefit in French */
                benefit_label: string;
                /** @description presumed non-take-up cases */
                presumed: components["schemas"]["StatCell"];
                /** @description cases whose follow-up reached a conclusion: rights_opened, already_covered, not_eligible, refused */
                verified: components["schemas"]["StatCell"];
                /** @description verified / presumed, null when either is suppressed or zero */
                verified_share: number | null;
                /** @description presumed cases by follow-up outcome */
                outcomes: {
                    to_contact: components["schemas"]["StatCell"];
                    contacted: components["schemas"]["StatCell"];
                    rights_opened: components["schemas"]["StatCell"];
                    already_covered: components["schemas"]["StatCell"];
                    not_eligible: components["schemas"]["StatCell"];
                    refused: components["schemas"]["StatCell"];
                    unreachable: components["schemas"]["StatCell"];
                };
                /** @description sum of the estimated monthly amounts (euros) of the cases whose rights were opened; suppressed with their count or when fewer than 5 cases contribute; null unsuppressed when no case carries an estimate (C2S) */
                rights_opened_amount: components["schemas"]["StatCell"];
            }[];
            by_rule: {
                benefit: string;
                rule: string;
                /** @description what the rule presumes, in French */
                rule_label: string;
                presumed: components["schemas"]["StatCell"];
            }[];
            by_commune: {
                /** @description INSEE code; `undisclosed` for a partner's cases whose commune comes from another partner's extract */
                commune: string;
                /** @description « Rennes (35238) », or « commune non communiquée » */
                commune_label: string;
                presumed: components["schemas"]["StatCell"];
            }[];
            /** @description the convention’s months, oldest first, whatever run the other figures are of; empty for a partner */
            series: components["schemas"]["StatsMonth"][];
        };
        OppositionOutcome: {
            /** @description distinct pseudonyms in the request */
            submitted: number;
            /** @description newly registered */
            registered: number;
            already_registered: number;
            cases_deleted: number;
            /** @description members of campaign cohorts removed */
            campaign_members_deleted: number;
        };
        Opposition: {
            pseudonym: string;
            /** Format: date-time */
            registered_at: string;
            registered_by: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready: database and queue answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                        /** @enum {string} */
                        database: "ok" | "unavailable";
                        /** @enum {string} */
                        queue: "ok" | "unavailable";
                        /** @enum {string} */
                        schedules: "ok" | "missing" | "unknown" | "not_applicable";
                        missing_schedules?: string[];
                    };
                };
            };
            /** @description Not ready: the database or the queue does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok" | "unavailable";
                        /** @enum {string} */
                        database: "ok" | "unavailable";
                        /** @enum {string} */
                        queue: "ok" | "unavailable";
                        /** @enum {string} */
                        schedules: "ok" | "missing" | "unknown" | "not_applicable";
                        missing_schedules?: string[];
                    };
                };
            };
        };
    };
    createAccessToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @enum {string} */
                    grant_type: "client_credentials";
                    client_id?: string;
                    client_secret?: string;
                };
                "application/json": {
                    /** @enum {string} */
                    grant_type: "client_credentials";
                    client_id?: string;
                    client_secret?: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        access_token: string;
                        /** @enum {string} */
                        token_type: "Bearer";
                        expires_in: number;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Too many requests: retry after the time the Retry-After header gives */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getJsonWebKeySet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A JSON Web Key Set (RFC 7517) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        keys: {
                            [key: string]: unknown;
                        }[];
                    };
                };
            };
        };
    };
    listPartners: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Partner"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createPartner: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /** @enum {string} */
                    kind: "caf" | "cpam" | "msa" | "carsat" | "landlord" | "territory" | "operator" | "other";
                    siret?: string | null;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Partner"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAllConventions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Convention"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createConvention: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reference: string;
                    title: string;
                    territory: string[];
                    legal_basis: string;
                    purpose: string;
                    /** Format: date */
                    valid_from: string;
                    /** Format: date */
                    valid_until: string;
                    retention_days: number;
                    max_error_rate?: number;
                    dice_threshold?: number;
                    /** @enum {string} */
                    linkage_method?: "dice" | "probabilistic";
                    link_weight_threshold?: number | null;
                    /** @enum {string} */
                    rule_pack?: "fr.v1";
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Convention"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConventionWithMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        reference: string;
                        title: string;
                        territory: string[];
                        legal_basis: string;
                        purpose: string;
                        /** @enum {string} */
                        status: "draft" | "active" | "suspended" | "ended";
                        /** Format: date */
                        valid_from: string;
                        /** Format: date */
                        valid_until: string;
                        retention_days: number;
                        max_error_rate: number;
                        key_check_value: string | null;
                        key_version: number;
                        rule_pack: string;
                        dice_threshold: number;
                        /**
                         * @description how tenants without a NIR are linked after exact linkage: dice (Bloom filters at dice_threshold) or probabilistic (household-aware match weights estimated from the run)
                         * @enum {string}
                         */
                        linkage_method: "dice" | "probabilistic";
                        /** @description probabilistic: the match weight (log2) a link needs; null: the one each run estimates */
                        link_weight_threshold: number | null;
                        /** Format: date-time */
                        created_at: string;
                        /** Format: date-time */
                        updated_at: string;
                        members: components["schemas"]["ConventionMember"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    updateConvention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    title?: string;
                    territory?: string[];
                    legal_basis?: string;
                    purpose?: string;
                    /** Format: date */
                    valid_from?: string;
                    /** Format: date */
                    valid_until?: string;
                    retention_days?: number;
                    max_error_rate?: number;
                    dice_threshold?: number;
                    /** @enum {string} */
                    linkage_method?: "dice" | "probabilistic";
                    link_weight_threshold?: number | null;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Convention"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    activateConvention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Convention"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    suspendConvention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Convention"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    endConvention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Convention"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerConventionKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    key_check_value: string;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Convention"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setConventionMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                partnerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: ("partner" | "territory" | "dpo")[];
                    /** @default [] */
                    provides?: ("caf" | "cpam" | "msa" | "carsat" | "landlord")[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConventionMember"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    removeConventionMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                partnerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Done, nothing to return */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listClients: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ApiClient"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    partner_id: string;
                    name: string;
                    /** @enum {string} */
                    role: "partner" | "territory" | "dpo" | "admin";
                    /**
                     * @description give each audited response a signed receipt of its audit event (`audit-receipt` header)
                     * @default false
                     */
                    audit_receipts?: boolean;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        client: components["schemas"]["ApiClient"];
                        client_secret: string;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    setClientAuditReceipts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    enabled: boolean;
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClient"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    revokeClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClient"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConventions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["MyConvention"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getConvention: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyConvention"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listConventionPartners: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["ConventionPartner"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                convention_id?: string;
                actor?: string;
                action?: string;
                outcome?: "success" | "denied" | "failed";
                /** @description the `x-request-id` of the response (or the job id) whose events to show */
                request_id?: string;
                from?: string;
                to?: string;
                /** @description Only the events whose request returned something about this person (a person, household or identity pseudonym) */
                pseudonym?: string;
                limit?: number;
                cursor?: number;
                /** @description also count every event of the filter, in `total` */
                with_total?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            seq: number;
                            /** Format: date-time */
                            at: string;
                            actor: string | null;
                            org: string | null;
                            role: string | null;
                            convention_id: string | null;
                            action: string;
                            target: string | null;
                            purpose: string | null;
                            request_id: string | null;
                            ip: string | null;
                            /** @enum {string} */
                            outcome: "success" | "denied" | "failed";
                            status_code: number | null;
                            record_count: number | null;
                            details: unknown;
                            prev_hash: string;
                            hash: string;
                            /** @description the account’s e-mail address or the API client’s name; null for a command */
                            actor_name: string | null;
                            /** @description the name of the actor’s organisation */
                            org_name: string | null;
                        }[];
                        next_cursor: number | null;
                        /** @description with `with_total=true`: the events of the filter */
                        total: number | null;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        /** @description why not: the first of `problems` */
                        reason: ("chain_broken" | "checkpoint_mismatch" | "head_mismatch" | "no_checkpoint" | "checkpoint_overdue" | "external_checkpoint_mismatch" | "receipt_mismatch") | null;
                        problems: ("chain_broken" | "checkpoint_mismatch" | "head_mismatch" | "no_checkpoint" | "checkpoint_overdue" | "external_checkpoint_mismatch" | "receipt_mismatch")[];
                        checked: number;
                        head: {
                            seq: number;
                            hash: string;
                        } | null;
                        first_broken: {
                            seq: number;
                            /** @enum {string} */
                            reason: "hash_mismatch" | "link_mismatch" | "sequence_gap";
                        } | null;
                        checkpoints: {
                            ok: boolean;
                            checked: number;
                            /** @description The newest checkpoint that holds: the chain is vouched for up to its seq */
                            latest_verified: {
                                id: number;
                                seq: number;
                                /** Format: date-time */
                                at: string;
                            } | null;
                            /** @description The first checkpoint that no longer matches the chain or its signature */
                            first_mismatch: {
                                id: number;
                                seq: number | null;
                                at: string | null;
                                /** @enum {string} */
                                reason: "missing_checkpoint" | "unknown_key" | "bad_signature" | "altered_row" | "missing_event" | "hash_mismatch";
                            } | null;
                        };
                        freshness: {
                            ok: boolean;
                            reason: ("head_mismatch" | "no_checkpoint" | "checkpoint_overdue") | null;
                            /** @description events no checkpoint that holds vouches for yet */
                            unvouched: number;
                            newest_checkpoint_age_seconds: number | null;
                            /** @description a checkpoint is signed every period while events are appended; two without one are overdue */
                            period_seconds: number;
                        };
                        external: {
                            checked: number;
                            /** @description the first trusted checkpoint given that the database no longer holds, or whose event it no longer holds */
                            first_mismatch: {
                                /** @description its position in what was given */
                                index: number;
                                /** @description as signed; null when the signature does not verify */
                                seq: number | null;
                                /** @enum {string} */
                                reason: "missing_checkpoint" | "unknown_key" | "bad_signature" | "altered_row" | "missing_event" | "hash_mismatch";
                            } | null;
                        };
                        receipts: {
                            checked: number;
                            /** @description the first receipt whose event the chain no longer holds */
                            first_mismatch: {
                                /** @description its position in what was given */
                                index: number;
                                /** @description as signed; null when the signature does not verify */
                                seq: number | null;
                                /** @enum {string} */
                                reason: "missing_checkpoint" | "unknown_key" | "bad_signature" | "altered_row" | "missing_event" | "hash_mismatch";
                            } | null;
                        };
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    verifyAuditTrail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description checkpoints kept outside the database (the lines of AUDIT_CHECKPOINT_SINK_FILE, or their JWS)
                     * @default []
                     */
                    checkpoints?: (string | {
                        jws: string;
                        seq?: number;
                        hash?: string;
                    })[];
                    /**
                     * @description the `audit-receipt` headers kept from responses
                     * @default []
                     */
                    receipts?: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        ok: boolean;
                        /** @description why not: the first of `problems` */
                        reason: ("chain_broken" | "checkpoint_mismatch" | "head_mismatch" | "no_checkpoint" | "checkpoint_overdue" | "external_checkpoint_mismatch" | "receipt_mismatch") | null;
                        problems: ("chain_broken" | "checkpoint_mismatch" | "head_mismatch" | "no_checkpoint" | "checkpoint_overdue" | "external_checkpoint_mismatch" | "receipt_mismatch")[];
                        checked: number;
                        head: {
                            seq: number;
                            hash: string;
                        } | null;
                        first_broken: {
                            seq: number;
                            /** @enum {string} */
                            reason: "hash_mismatch" | "link_mismatch" | "sequence_gap";
                        } | null;
                        checkpoints: {
                            ok: boolean;
                            checked: number;
                            /** @description The newest checkpoint that holds: the chain is vouched for up to its seq */
                            latest_verified: {
                                id: number;
                                seq: number;
                                /** Format: date-time */
                                at: string;
                            } | null;
                            /** @description The first checkpoint that no longer matches the chain or its signature */
                            first_mismatch: {
                                id: number;
                                seq: number | null;
                                at: string | null;
                                /** @enum {string} */
                                reason: "missing_checkpoint" | "unknown_key" | "bad_signature" | "altered_row" | "missing_event" | "hash_mismatch";
                            } | null;
                        };
                        freshness: {
                            ok: boolean;
                            reason: ("head_mismatch" | "no_checkpoint" | "checkpoint_overdue") | null;
                            /** @description events no checkpoint that holds vouches for yet */
                            unvouched: number;
                            newest_checkpoint_age_seconds: number | null;
                            /** @description a checkpoint is signed every period while events are appended; two without one are overdue */
                            period_seconds: number;
                        };
                        external: {
                            checked: number;
                            /** @description the first trusted checkpoint given that the database no longer holds, or whose event it no longer holds */
                            first_mismatch: {
                                /** @description its position in what was given */
                                index: number;
                                /** @description as signed; null when the signature does not verify */
                                seq: number | null;
                                /** @enum {string} */
                                reason: "missing_checkpoint" | "unknown_key" | "bad_signature" | "altered_row" | "missing_event" | "hash_mismatch";
                            } | null;
                        };
                        receipts: {
                            checked: number;
                            /** @description the first receipt whose event the chain no longer holds */
                            first_mismatch: {
                                /** @description its position in what was given */
                                index: number;
                                /** @description as signed; null when the signature does not verify */
                                seq: number | null;
                                /** @enum {string} */
                                reason: "missing_checkpoint" | "unknown_key" | "bad_signature" | "altered_row" | "missing_event" | "hash_mismatch";
                            } | null;
                        };
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createAuditCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        created: false;
                        /** @enum {string} */
                        reason: "empty_chain" | "up_to_date";
                    };
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        created: true;
                        id: number;
                        seq: number;
                        hash: string;
                        at: string;
                        /** @description keep it: a trusted checkpoint for POST /v1/audit/verify */
                        jws: string;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportAuditEvents: {
        parameters: {
            query?: {
                convention_id?: string;
                actor?: string;
                action?: string;
                outcome?: "success" | "denied" | "failed";
                /** @description the `x-request-id` of the response (or the job id) whose events to show */
                request_id?: string;
                from?: string;
                to?: string;
                /** @description Only the events whose request returned something about this person (a person, household or identity pseudonym) */
                pseudonym?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The audit events, one JSON object a line, in chain order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportAuditEventsCsv: {
        parameters: {
            query?: {
                convention_id?: string;
                actor?: string;
                action?: string;
                outcome?: "success" | "denied" | "failed";
                /** @description the `x-request-id` of the response (or the job id) whose events to show */
                request_id?: string;
                from?: string;
                to?: string;
                /** @description Only the events whose request returned something about this person (a person, household or identity pseudonym) */
                pseudonym?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The audit events as CSV, in chain order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRecordOfProcessing: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordOfProcessing"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRecordOfProcessingMarkdown: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The record of processing as Markdown */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/markdown": string;
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRuns: {
        parameters: {
            query?: {
                limit?: number;
            };
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Run"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    startRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description default: the latest reference month of the extracts used */
                    as_of?: string;
                    rule_pack?: string;
                    dice_threshold?: number;
                    /**
                     * @description default: the convention's
                     * @enum {string}
                     */
                    linkage_method?: "dice" | "probabilistic";
                    /** @description default: the convention's (null: estimated by the run) */
                    link_weight_threshold?: number | null;
                };
            };
        };
        responses: {
            /** @description Accepted: the work goes on in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    cancelRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listRunCases: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Case"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCases: {
        parameters: {
            query?: {
                /** @description a published run; default: the latest published run */
                run?: string;
                benefit?: "c2s" | "rsa" | "ppa" | "aspa" | "housing_aid";
                rule?: string;
                confidence?: "high" | "medium" | "low";
                status?: "to_contact" | "contacted" | "unreachable" | "rights_opened" | "already_covered" | "not_eligible" | "refused";
                commune?: string;
                /** @description euros per month */
                min_amount?: number;
                /** @description amount: largest estimated amount first, cases without one last; date: the most recently found first */
                sort?: "amount" | "date";
                limit?: number;
                /** @description the next_cursor of the previous page */
                cursor?: string;
                /** @description also count every case of the filtered list, in `total` */
                with_total?: "true" | "false";
            };
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description null when the convention has no published run */
                        run_id: string | null;
                        items: components["schemas"]["CaseSummary"][];
                        next_cursor: string | null;
                        /** @description with `with_total=true`: the cases of the filtered list */
                        total: number | null;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportCasesCsv: {
        parameters: {
            query?: {
                /** @description a published run; default: the latest published run */
                run?: string;
                benefit?: "c2s" | "rsa" | "ppa" | "aspa" | "housing_aid";
                rule?: string;
                confidence?: "high" | "medium" | "low";
                status?: "to_contact" | "contacted" | "unreachable" | "rights_opened" | "already_covered" | "not_eligible" | "refused";
                commune?: string;
                /** @description euros per month */
                min_amount?: number;
                /** @description amount: largest estimated amount first, cases without one last; date: the most recently found first */
                sort?: "amount" | "date";
            };
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cases as semicolon-separated CSV with a byte order mark */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordCaseOutcome: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    status: "to_contact" | "contacted" | "unreachable" | "rights_opened" | "already_covered" | "not_eligible" | "refused";
                    correction?: {
                        /**
                         * @description entry_error: a mis-click or wrong entry; new_information: the person said otherwise since; partner_check: a partner’s check showed otherwise
                         * @enum {string}
                         */
                        reason: "entry_error" | "new_information" | "partner_check";
                    };
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDetail"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getRunStatistics: {
        parameters: {
            query?: {
                /** @description a published run; default: the latest */
                run?: string;
                /** @description published: small counts suppressed, for figures that leave the team; team: the territory team’s own figures unmasked, for its own dashboard (territory teams only, 403 otherwise) */
                disclosure?: "published" | "team";
            };
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RunStats"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Campaign"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NewCampaignInput"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    closeCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Campaign"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportCampaignCohort: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign’s cohort as semicolon-separated CSV with a byte order mark */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    recordCampaignContacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    contacts: {
                        /** Format: uuid */
                        case_id: string;
                        /** @enum {string} */
                        outcome: "contacted" | "unreachable";
                    }[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        recorded: number;
                        /** @description current cases whose follow-up changed */
                        cases_updated: number;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getCampaignImpact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignImpact"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    exportCampaignImpact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The campaign’s impact as CSV: one row per arm, figure and horizon */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listOppositions: {
        parameters: {
            query?: {
                limit?: number;
                /** @description the next_cursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        total: number;
                        items: components["schemas"]["Opposition"][];
                        next_cursor: string | null;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    registerOppositions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    pseudonyms: string[];
                };
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OppositionOutcome"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listExtracts: {
        parameters: {
            query?: {
                kind?: "caf" | "cpam" | "msa" | "carsat" | "landlord";
                limit?: number;
                before?: string;
            };
            header?: never;
            path: {
                cid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Extract"][];
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    uploadExtract: {
        parameters: {
            query: {
                kind: "caf" | "cpam" | "msa" | "carsat" | "landlord";
                schema: string;
                reference_month: string;
                /** @description check the file only: its verdict and row errors, nothing stored */
                dry_run?: "true" | "false";
            };
            header?: {
                /** @description The key check value of the convention key used to pseudonymise */
                "x-key-check"?: string;
                /** @description Sending the same body again with the same key returns the same extract */
                "idempotency-key"?: string;
            };
            path: {
                cid: string;
            };
            cookie?: never;
        };
        /** @description The pseudonymised extract: CSV in UTF-8 with its header row, as EXTRACTS.md sets out for its kind and schema. Send `Content-Encoding: gzip` to upload it compressed; the convention key’s check value goes in `X-Key-Check`, and an `Idempotency-Key` makes a retry safe. */
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extract"] | components["schemas"]["ExtractCheck"];
                };
            };
            /** @description Accepted: the work goes on in the background */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extract"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body came too slowly */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The body is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The content type or encoding is not accepted */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The file was read but rejected: its row errors say why */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    getExtract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extract"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    withdrawExtract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Extract"];
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
    listExtractErrors: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: number;
            };
            header?: never;
            path: {
                cid: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error_count: number | null;
                        items: {
                            line: number;
                            column: string | null;
                            code: string;
                        }[];
                        next_cursor: number | null;
                    };
                };
            };
            /** @description The request is invalid: the code and message say why */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No token, or an expired or invalid one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The token’s role or convention does not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Not found, or not visible to this token */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description Conflicts with the current state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
        };
    };
}
