// Generated from openapi/openapi.json by client/generate.ts (npm run openapi). Do not edit.

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process is up
         * @description Answers 200 while the process runs; for a liveness probe. Needs no token.
         */
        get: operations["healthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database (and queue, when configured) answer
         * @description Answers 200 when the database (and Redis, when REDIS_URL is set) answer, 503 otherwise; for a readiness probe or a load balancer. The embedded demo is ready only once it is seeded and data/demo-tokens.json is written, and stops being ready when its data directory is removed under it. Needs no token.
         */
        get: operations["readyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/problems/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an error code means (the page a problem’s `type` points to)
         * @description Every error is RFC 9457 problem+json whose `type` is `/problems/{code}`, relative to the registry’s origin; this explains the code: its status and what to do. HTML by default; send `Accept: application/json` for JSON. Needs no token. A code the registry does not answer with is a 404 `problems.not_found`.
         */
        get: operations["getProblemType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List organisations
         * @description Every organisation registered in the registry, with its kind, by id, cursor-paged (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header). Any organisation may call it, with the `registry:read` scope; a cursor this service did not issue answers 400 input.invalid_cursor.
         */
        get: operations["listOrganisations"];
        put?: never;
        /**
         * Register an organisation (operator only)
         * @description Adds a municipality (kommun), purchasing centre (inköpscentral), federation (kommunförbund), auditor or supplier organisation (which the operator then links to the organisation numbers it answers for, POST /v1/organisations/{id}/represented-numbers) that may then call the API with its own tokens. Only the operator organisation may call it, with the `admin` scope; a municipality needs its kommunkod, which no other organisation may have (409 `organisations.municipality_code_taken`), and may name its federation (422 `organisations.federation_not_found` when that is not a federation), which begins its membership history; the operator changes it later with POST /v1/organisations/{id}/federation.
         */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one organisation
         * @description One organisation by its id. Any organisation may call it, with the `registry:read` scope.
         */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend an organisation (operator only)
         * @description From the moment this answers, every token of the organisation is refused with 403 `auth.organisation_suspended`, on every API replica, and its subscriptions receive nothing: events while it is suspended are not delivered to it (it can read them from `GET /v1/events` after it is resumed). Its signals keep deciding statuses. Only the operator organisation may call it, with the `admin` scope; the operator itself cannot be suspended (422). Already suspended: 409. Audited with the reason.
         */
        post: operations["suspendOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a suspended organisation (operator only)
         * @description Ends a suspension: the organisation’s tokens are accepted again (revoked clients stay revoked) and its active subscriptions receive new events again. Only the operator organisation may call it, with the `admin` scope. Not suspended: 409. Audited with the reason.
         */
        post: operations["resumeOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/revoked-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation’s revoked API clients (operator only)
         * @description Every client of the organisation the operator has revoked, oldest first. Only the operator organisation may call it, with the `admin` scope.
         */
        get: operations["listRevokedClients"];
        put?: never;
        /**
         * Revoke one API client of an organisation (operator only)
         * @description From the moment this answers, every token with this `sub` for this organisation is refused with 401 `auth.client_revoked`, on every API replica, whatever its `exp`; the organisation’s other clients are not affected. A revocation is final: the client gets a new id from its identity provider. 201 when revoked now, 200 with the earlier revocation when it already was. Only the operator organisation may call it, with the `admin` scope. Audited with the reason.
         */
        post: operations["revokeClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/federation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change a municipality’s federation (operator only)
         * @description Joins a municipality to a federation (kommunförbund), moves it to another, or — with `federationId: null` — takes it out of its federation, with a reason. The current period ends and the next begins at the same moment (GET /v1/organisations/{id}/federation-history), the organisation’s `federationId` changes in the same transaction, and from the next request on every rule that reads the caller’s federation uses the new one: a stop from the federation it left no longer blocks it, one from the federation it joined does, and subscriptions filtered by whom a signal affects follow the membership. Status answers as of an earlier moment use the federation it belonged to then. Only the operator organisation may call it, with the `admin` scope (403 otherwise, also for the municipality itself). An unknown organisation answers 404; an organisation that is not a municipality 422 `organisations.not_municipality`; a `federationId` that is not a federation 422 `organisations.federation_not_found`; the federation it already has (or none, when it has none) 409 `organisations.federation_unchanged`, recording nothing. Audited with the reason (`organisation.federation_changed`).
         */
        post: operations["changeFederation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/federation-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The federations a municipality has belonged to
         * @description Every period the municipality belonged to a federation, oldest first, with when it began and ended, who changed it and why; a period from before the history was kept begins at the municipality’s registration. Read, with the `registry:read` scope, by the operator, auditors, the municipality itself and every federation it belongs or belonged to; any other organisation gets 403 `organisations.membership_history_forbidden` (which federation a municipality belongs to now is public in GET /v1/organisations; the reasons and who made the changes are not). An unknown organisation answers 404, an organisation that is not a municipality 422 `organisations.not_municipality`.
         */
        get: operations["getFederationHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A federation’s current members
         * @description The municipalities that belong to the federation now, by id, each with when its current period began, who made the change and why. Read, with the `registry:read` scope, by the federation itself, the operator and auditors; any other organisation — another federation or one of the members included — gets 403 `organisations.members_forbidden` (the organisation is public, so its existence is not hidden). An unknown organisation answers 404, an organisation that is not a federation 422 `organisations.not_federation`.
         */
        get: operations["listFederationMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{orgNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a supplier with its units
         * @description One supplier with its units (verksamheter). Any organisation may call it, with the `registry:read` scope — a supplier organisation only for the organisation numbers it answers for (another answers 403 `suppliers.not_represented`); reading a sole trader is recorded in the read log.
         */
        get: operations["getSupplier"];
        /**
         * Register a supplier, or change its name and units (its owners only)
         * @description Registers a supplier (leverantör) by its organisationsnummer (201), or changes its name and units (verksamheter); units are matched by id or name, and units not listed are kept. Any municipality, purchasing centre or federation may register a supplier, with the `signals:write` scope; a sole trader (enskild firma) must be confirmed with `soleTrader: true`. A registered supplier’s name and units may be changed only by the organisation that registered it, the owner of an agreement it is party to, or the operator (with the `admin` scope); anyone else gets 403 `suppliers.not_owner`, and a PUT that changes nothing answers 200 for any member. A change needs a `reason` (422 `suppliers.reason_required`), becomes a new version in the supplier’s history (GET /v1/suppliers/{orgNumber}/history) with who and why, and is announced as a `supplier.updated` event. The answer’s ETag is the record’s version; send it in If-Match to change the record only while it is still at that version (412 `suppliers.version_mismatch` otherwise, also when no supplier is registered under the number; without If-Match the PUT applies to whatever version is current).
         */
        put: operations["putSupplier"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search suppliers by name, or list them all
         * @description Suppliers by name (tolerant of case and small typos, over the current and former names of suppliers and their units, so a renamed supplier is found under its old name) or all of them, cursor-paged. Any organisation may call it, with the `registry:read` scope.
         */
        get: operations["listSuppliers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link two suppliers: a group (parent → subsidiary) or a succession (predecessor → successor)
         * @description Records that two registered suppliers belong to one corporate group (`group`: fromOrgNumber is the parent, toOrgNumber the subsidiary) or that one took over the operation of the other (`succession`: fromOrgNumber the predecessor, toOrgNumber the successor), with a reason. While the link is active, a block on one supplier makes the linked ones `caution` for whom it blocks (README, "Linked suppliers"); both suppliers’ reads show it, their history keeps it, and a `supplier.linked` event announces it. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope. A supplier linked to itself answers 422 `supplier_links.self_link`, an unregistered supplier 422 `supplier_links.unknown_supplier`, and a second active link of the same kind between the two (either way round) 409 `supplier_links.duplicate`.
         */
        post: operations["createSupplierLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-links/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a link between two suppliers, active or ended
         * @description One link, active or ended. Any organisation may call it, with the `registry:read` scope.
         */
        get: operations["getSupplierLink"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/supplier-links/{id}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a link between two suppliers (the organisation that drew it, or the operator)
         * @description Ends an active link with a reason: it no longer affects any status, it stays in both suppliers’ history, and a `supplier.unlinked` event announces it. Only the organisation that drew the link (with the `signals:write` scope) or the operator (with the `admin` scope) may end it; anyone else gets 403 `supplier_links.not_owner`, and a link ended already answers 409 `supplier_links.ended`.
         */
        post: operations["endSupplierLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List framework agreements
         * @description Framework agreements (ramavtal), filtered by owner, category or supplier party, cursor-paged. Any organisation may call it, with the `registry:read` scope.
         */
        get: operations["listAgreements"];
        put?: never;
        /**
         * Create a framework agreement (ramavtal) owned by the caller
         * @description Creates a framework agreement (ramavtal) in one service category, owned by the calling organisation; only the owner adds supplier parties and issues call-off stops and terminations under it. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope.
         */
        post: operations["createAgreement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements/{id}/suppliers/{orgNumber}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Add a supplier as a party to the agreement (owner only, idempotent)
         * @description Makes a registered supplier a party to the agreement; adding it again answers 200 and changes nothing. Only the organisation that owns the agreement may call it, with the `signals:write` scope.
         */
        put: operations["addAgreementSupplier"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/agreements/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a framework agreement with its supplier parties
         * @description One framework agreement (ramavtal) with the organisation numbers of its supplier parties. Any organisation may call it, with the `registry:read` scope.
         */
        get: operations["getAgreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the signals you may see, newest first
         * @description The signals the calling organisation may read, filtered by supplier, type, status (as read now: `status=active` leaves out scheduled signals, whose period has not begun; `status=scheduled` lists them), issuer, agreement or update time, cursor-paged. Any organisation may call it, with the `registry:read` scope; other organisations’ issuer_and_auditors and retracted signals are left out (auditors see all), and reads of issuer_and_auditors signals are logged.
         */
        get: operations["listSignals"];
        put?: never;
        /**
         * Post a signal about a supplier
         * @description Records a signal about a registered supplier — a deviation (avvikelse), call-off stop (avropsstopp), termination (uppsägning/hävning), IVO injunction (föreläggande), revoked permit or financial warning — and notifies matching subscribers. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope. Deviations need severity and category; IVO decisions need IVO’s diarienummer in reference and the decisionDate (422 signals.invalid_reference / signals.invalid_decision_date otherwise). A signal whose effectiveFrom is ahead reads scheduled and counts in no status until then, when subscribers get `signal.took_effect`; a stop or termination under an agreement is issued only by its owner, and a purchasing centre’s must name one of its agreements. A stop or termination blocks callers when it comes from a purchasing centre, their federation or themselves; for others it is a caution.
         */
        post: operations["createSignal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signals/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Signals per month, type, category and ground, for an annual follow-up
         * @description How many signals took effect per month (Swedish time), type, deviation category, ground and termination kind, over the signals GET /v1/signals lists with the same filters — e.g. `?issuer=<your id>&periodFrom=2026-01-01T00:00:00%2B01:00&periodTo=2027-01-01T00:00:00%2B01:00` for the signals of your year, or `?type=termination&agreementCategory=hvb_children` for terminations under HVB agreements. Retracted signals do not count. Any organisation may call it, with the `registry:read` scope; it counts only the signals the caller may read.
         */
        get: operations["countSignals"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one signal
         * @description One signal with its current status, computed on read: scheduled before its period begins, expired after it ends. Any organisation may call it, with the `registry:read` scope; a signal you may not read (another organisation’s issuer_and_auditors or retracted signal) answers 404 like an unknown id, and reading an issuer_and_auditors signal is logged. The ETag header names the signal’s version, for If-Match on a change.
         */
        get: operations["getSignal"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Amend your own signal (creates a new version)
         * @description Changes the severity, category, summary, details, reference, period or visibility of a signal your organisation issued, with a reason; the change is a new version and a `signal.amended` event. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; another organisation’s signal answers 404 and a retracted one 409. Send the ETag of the version you based the change on in If-Match: when the signal has changed since, the answer is 412 `signals.version_mismatch` naming the current version, and nothing is written; without If-Match the change is made on whatever version is current.
         */
        patch: operations["amendSignal"];
        trace?: never;
    };
    "/v1/signals/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The version history of a signal, oldest first
         * @description Every version of a signal, oldest first: as created, then each amendment, lift or retraction with its reason. Any organisation may call it, with the `registry:read` scope; the issuer and auditors see every version, others only those that were visible to members, and a signal you may not read answers 404.
         */
        get: operations["listSignalVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signals/{id}/lift": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift your own call-off stop
         * @description Lifts a call-off stop (avropsstopp) your organisation issued, with a reason: placements may resume and subscribers get `signal.lifted`. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; another organisation’s signal answers 404, and a signal that is not a call-off stop, or is already lifted or retracted, answers 409 (retract other types instead). Send the ETag of the version you based the change on in If-Match: when the signal has changed since, the answer is 412 `signals.version_mismatch` naming the current version, and nothing is written; without If-Match the change is made on whatever version is current.
         */
        post: operations["liftSignal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signals/{id}/retract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retract your own signal (it stays in the history)
         * @description Withdraws a signal your organisation issued, with a reason: it no longer counts for any supplier status, other members stop seeing it, and it stays in the history for the issuer and auditors. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; another organisation’s signal answers 404 and one already retracted 409. Send the ETag of the version you based the change on in If-Match: when the signal has changed since, the answer is 412 `signals.version_mismatch` naming the current version, and nothing is written; without If-Match the change is made on whatever version is current.
         */
        post: operations["retractSignal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/follow-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the follow-up records you may see, newest first (JSON or CSV)
         * @description The follow-up records the calling organisation may read, filtered by supplier, kind, issuer (your own id for your own follow-up), outcome, status and the day of the check (from, to: YYYY-MM-DD, inclusive), cursor-paged. With `Accept: text/csv` the same page comes as RFC 4180 CSV with a header row, the next page’s URL in a `Link: <…>; rel="next"` header; cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading apostrophe. Any organisation may call it, with the `registry:read` scope; other organisations’ issuer_and_auditors and retracted records are left out (auditors see all), and reads of issuer_and_auditors records are logged.
         */
        get: operations["listFollowUps"];
        put?: never;
        /**
         * Record a check your organisation made of a supplier, and its outcome
         * @description Records a follow-up (uppföljning): a check of IVO’s register, an unannounced visit, a credit check, a document review or another check, the day it was made (YYYY-MM-DD, not in the future) and its outcome — no remarks, or the deviation (avvikelse) your organisation issued about the supplier because of it. A record changes no supplier status and sends no event; it is never edited (retract a wrong one) and counts in GET /v1/follow-ups/counts. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; a deviation of another organisation, another supplier or another type answers 422 follow_ups.invalid_deviation.
         */
        post: operations["recordFollowUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/follow-ups/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow-up records per month, kind and outcome, for an annual follow-up
         * @description How many checks were made per month (of the check), kind and outcome, over the records GET /v1/follow-ups lists with the same filters and status=recorded — e.g. `?issuer=<your id>&from=2026-01-01&to=2026-12-31` for your organisation’s year. Retracted records do not count. Any organisation may call it, with the `registry:read` scope; it counts only the records the caller may read.
         */
        get: operations["countFollowUps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/follow-ups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one follow-up record
         * @description One follow-up record. Any organisation may call it, with the `registry:read` scope; a record you may not read (another organisation’s issuer_and_auditors or retracted record) answers 404 like an unknown id, and reading an issuer_and_auditors record is logged.
         */
        get: operations["getFollowUp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/follow-ups/{id}/retract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retract your own follow-up record (it stays for you and auditors)
         * @description Withdraws a follow-up record your organisation made, with a reason: it no longer counts, other members stop seeing it, and it stays, with the reason, for the issuer and auditors. Records are never edited: retract a wrong one and record the check again. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; another organisation’s record answers 404 and one already retracted 409.
         */
        post: operations["retractFollowUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signals/{id}/replies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of the supplier’s reply to a signal
         * @description The supplier’s reply to the signal, every version oldest first (the newest is in force and is shown on the signal as `reply`). Whoever may read the signal may call it, with the `registry:read` scope: any organisation for a members-visible signal, the issuer, a tip’s recipient and auditors for a restricted one, and the supplier organisation for the signals about its own numbers; any other signal answers 404 `signals.not_found`.
         */
        get: operations["listSignalReplies"];
        put?: never;
        /**
         * Reply to a signal about your organisation (a supplier organisation only)
         * @description The supplier the signal is about gives its account, and may dispute the signal (`disputed: true`). Each call is a new version of the reply (1, 2, …); the newest is the one in force. The reply changes no status; it travels with the signal — in GET /v1/signals/{id} and lists, in the status reasons of everyone the signal decides for, in the supplier’s history — and a `signal.replied` event announces it to the subscribers who may read the signal. Only a supplier organisation may call it, with the `signals:write` scope, on a members-visible signal about an organisation number the operator linked it to; any other signal answers 404 `signals.not_found` (restricted, retracted, another supplier’s, or no such signal). A personnummer in the text answers 422 `input.personal_data`. Audited.
         */
        post: operations["replyToSignal"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/represented-numbers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The organisation numbers a supplier organisation answers for, and did
         * @description Every organisation number the supplier organisation was linked to, oldest first, ended ones included, cursor-paged (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header; a cursor this service did not issue answers 400 input.invalid_cursor). The operator and auditors may call it for any supplier organisation, a supplier organisation for itself (another’s answers 403 `representations.not_yours`), with the `registry:read` scope; other kinds get 403. An unknown organisation answers 404 `organisations.not_found`, one that is not of kind supplier 422 `representations.not_a_supplier`.
         */
        get: operations["listRepresentedNumbers"];
        put?: never;
        /**
         * Let a supplier organisation answer for an organisation number (operator only)
         * @description From now the supplier organisation reads the members-visible signals about this registered supplier and may reply to them (README, "The supplier’s reply"); its tokens pick the change up on their next request. One organisation answers for a number at a time. Only the operator organisation may call it, with the `admin` scope. An unknown organisation answers 404 `organisations.not_found`, one that is not of kind supplier 422 `representations.not_a_supplier`, an unregistered number 422 `representations.unknown_supplier`, and a number another organisation answers for 409 `representations.taken`. Audited with the reason.
         */
        post: operations["addRepresentedNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/organisations/{id}/represented-numbers/{orgNumber}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a supplier organisation’s answering for an organisation number (operator only)
         * @description From the next request on, the supplier organisation no longer reads the signals about the number nor replies to them; its replies stay with the signals. Only the operator organisation may call it, with the `admin` scope. An unknown organisation answers 404 `organisations.not_found`, one that is not of kind supplier 422 `representations.not_a_supplier`, and a number it does not answer for now 404 `representations.not_found`. Audited with the reason.
         */
        post: operations["endRepresentedNumber"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{orgNumber}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * May we place a child with this supplier (or in this unit) today? (for the calling organisation)
         * @description Answers for the calling organisation: blocked (a revoked permit, or a live call-off stop (avropsstopp) or termination from a purchasing centre, the caller’s federation or the caller itself), caution (another organisation’s own stop or termination, an IVO injunction (föreläggande), a high or critical deviation (avvikelse) from the last 12 months, a financial warning) or clear, with the signals that decide it. Without `unitId` the answer is for the supplier as a whole: a signal naming one unit makes it at most `caution`, and `units` shows that unit `blocked` — so when only a unit is blocked the top-level status reads `caution`. With `?unitId=` it is the answer for placing in that unit (the home a child would go to): `blocked` when the unit or the supplier as a whole is blocked for the caller; other units’ signals make it at most `caution`. A linked supplier (README, "Linked suppliers": its parent, subsidiaries and sister companies in a group, or the predecessor it took over from) under a supplier-wide stop, termination or revoked permit that would block the caller makes this one `caution`, never `blocked`, with a reason whose `linkedThrough` names the links and the linked supplier. Any organisation may call it, with the `registry:read` scope; only signals the caller may read count, the answer is never cached (`Cache-Control: no-store`), an unregistered supplier answers 404, a unit of another supplier 422 `suppliers.unit_not_found`, and an unknown query parameter 400. With `?asOf=` it is the answer as it was at that past moment, rebuilt from the signals’ recorded versions, the links in force then and the federation the asker belonged to then (README, “The answer as of a past moment”): for the caller, or — for an auditor — for the organisation named by `asOrganisation`; another organisation naming someone else is refused 403 `status.as_organisation_forbidden`, a moment after the registry’s clock 422 `status.as_of_in_future`. With `receipt=true&purpose=…` (and optionally `caseReference`) the live answer also carries `receipt`: a receipt signed with the registry’s Ed25519 key over the question, the answer (with each deciding signal’s version), `asOf` and the position of its own audit log entry, appended in the same transaction; keep it in the case file and check it with POST /v1/receipts/verify or offline. `purpose` or `caseReference` without receipt=true, or receipt=true without `purpose`, answers 400; a receipt with `asOf` 400 `receipts.not_with_as_of` (a receipt records a check made now); a personnummer in caseReference 422 input.personal_data. A read with a receipt counts against the write rate limit.
         */
        get: operations["getSupplierStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Status of up to 1,000 suppliers (or units) at once
         * @description The same answer as GET /v1/suppliers/{orgNumber}/status for up to 1,000 questions in one call: an organisation number (the supplier as a whole) or `{ orgNumber, unitId }` (placing in that unit). Each is answered on its own: an unregistered supplier reads `unknown`, and a malformed number or unit id, or a unit of another supplier, reads `invalid` with a `problem`, instead of failing the batch. With `Accept: text/csv` the same answer comes as RFC 4180 CSV with a header row, one row per answer in the same order (columns orgNumber, unitId, registered, status, reasonCount, signalIds, blockingSignalIds, signalTypes, linkedOrgNumbers, units, problemCode, problemDetail, asOf, asOrganisation): the deciding signals as their count, their ids newest first, the ids of those that block you, their types, the linked suppliers they come through (space-separated), and each unit named by a signal as unitId=status; cells a spreadsheet would run as a formula get a leading apostrophe. A receipt cannot come as CSV (400 status.receipt_not_in_csv). Any organisation may call it, with the `registry:read` scope (403 auth.missing_scope without it); a missing or invalid token 401; a body that is not 1–1,000 questions or has an unknown field answers 400 input.invalid, asOrganisation without asOf 400 status.as_organisation_without_as_of, asOf with a receipt 400 receipts.not_with_as_of, a body over the size limit 413, a personnummer in caseReference 422 input.personal_data, a moment after the registry’s clock 422 status.as_of_in_future, an unknown asOrganisation 422 status.unknown_organisation, another organisation than an auditor naming one 403 status.as_organisation_forbidden; the answer is never cached. With `asOf` (and, for an auditor, `asOrganisation`) every question is answered as it was at that past moment, by the rules of the single read. With `receipt: {purpose, caseReference?}` the live answer also carries one signed `receipt` over the whole batch (questions answered `invalid` are left out of it), logged like a single one.
         */
        post: operations["getSupplierStatuses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/flagged": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The suppliers that are blocked or caution for you
         * @description Every registered supplier whose status for the calling organisation is blocked or caution — the answer GET /v1/suppliers/{orgNumber}/status gives for it as a whole (no unitId), with the same reasons and units, linked suppliers’ blocks included — by organisation number, cursor-paged (`limit`, `cursor` from `nextCursor`). `status=blocked` or `status=caution` lists only those; `agreementCategory` only suppliers party to a framework agreement (ramavtal) of that category. Only signals you may read count, as in the status read: a supplier whose only signal is another organisation’s restricted tip or a retracted signal is not listed for you. With `Accept: text/csv` the same page comes as RFC 4180 CSV with a header row (columns orgNumber, name, status, reasonCount, signalIds, blockingSignalIds, signalTypes, linkedOrgNumbers, units, asOf; the reasons flattened as in the batch read’s CSV), the next page’s URL in a `Link: <…>; rel="next"` header; cells a spreadsheet would run as a formula get a leading apostrophe. Any organisation may call it, with the `registry:read` scope (403 auth.missing_scope without it, 401 without a valid token); an unknown or malformed query parameter answers 400 input.invalid, a cursor this service did not issue 400 input.invalid_cursor. It costs 30 reads of the rate limit; the answer is never cached; reads of issuer_and_auditors signals and sole traders’ numbers are logged.
         */
        get: operations["listFlaggedSuppliers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/receipts/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a signed status receipt: its signature, its key and its entry in the audit log
         * @description Send a signed status receipt exactly as the status read returned it (`receipt` of the answer: {receipt, signature}). Answers 200 `{valid: true}` when the Ed25519 signature over the canonical JSON of `receipt` verifies with this registry’s key named by `signature.keyId`, `log.digest` is the receipt’s digest, and the audit log entry at `log.position` is this receipt’s (action status.receipt_issued, its id, its asker, its digest); otherwise `{valid: false, reason, detail}`. The log is read only once the signature verifies. Anything that is not shaped like a receipt (a missing or extra field, a wrong type) answers 400 input.invalid. Any organisation may call it, with the `registry:read` scope: a receipt is meant to be shown to others. Up to 4 MiB.
         */
        post: operations["verifyReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/receipt-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys status receipts are signed with (no token needed)
         * @description The registry’s Ed25519 public keys, by key id, as PEM and as JWK: a receipt names its key in `signature.keyId`. Save the PEM to verify receipts offline (`npm run receipt:verify -- --file receipt.json --public-key key.pem`) years later, and compare it with the key the operator publishes. The same key signs the audit log’s heads. Needs no token.
         */
        get: operations["getReceiptKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your subscriptions
         * @description The calling organisation’s own subscriptions, oldest first, cursor-paged (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header). Any organisation may call it, with the `subscriptions:manage` scope; a cursor this service did not issue answers 400 input.invalid_cursor.
         */
        get: operations["listSubscriptions"];
        put?: never;
        /**
         * Subscribe a webhook endpoint to signal events
         * @description Registers a webhook endpoint that receives the signal events the calling organisation may read, narrowed by the filters; every delivery is signed per Standard Webhooks. Any organisation may call it, with the `subscriptions:manage` scope. The answer carries the signing secret; it is not shown again (rotate it if lost).
         */
        post: operations["createSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of your subscriptions, with why it was disabled if it was
         * @description One of the calling organisation’s subscriptions, with `disabledReason` when the registry stopped delivering to it; another organisation’s is a 404. Any organisation may call it, with the `subscriptions:manage` scope.
         */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        /**
         * Delete a subscription (its delivery log is kept)
         * @description Stops all deliveries to one of your subscriptions; its delivery log is kept. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.
         */
        delete: operations["deleteSubscription"];
        options?: never;
        head?: never;
        /**
         * Change the URL, description or filters; pause or resume
         * @description Changes the URL, description or filters of one of your subscriptions, or pauses (`disabled`) and resumes (`active`) its deliveries. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope. Send the ETag of GET /v1/subscriptions/{id} in If-Match to change it only if nobody changed it since: otherwise 412 `subscriptions.version_mismatch` and nothing is written; without If-Match the change is made on whatever is current.
         */
        patch: operations["updateSubscription"];
        trace?: never;
    };
    "/v1/subscriptions/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New signing secret; the old one keeps signing beside it for 24 hours
         * @description Issues a new signing secret for one of your subscriptions; deliveries carry signatures with both the old and the new secret for 24 hours, so the endpoint can switch without losing one. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.
         */
        post: operations["rotateSubscriptionSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a signed ping event now and see what the endpoint answers
         * @description Sends a signed `ping` event to the endpoint now and reports its status code, duration or error; nothing is retried or logged as a delivery. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.
         */
        post: operations["testSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/webhook-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The registry’s public webhook keys (v1a), current and retired
         * @description Every Ed25519 key the registry signs (or has signed) `v1a` webhook signatures with, as a JWK Set with the Standard Webhooks `whpk_` form and each key’s validity. A delivery’s `webhook-key-id` header names the key of each `v1a` signature. Keys are never removed, so a delivery kept as evidence can be checked against this document years later. Needs no token: receivers and third parties who check evidence have none.
         */
        get: operations["getWebhookKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhook-keys/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the webhook signing key (operator only)
         * @description Makes a new Ed25519 webhook key. It is published at once and signs from `validFrom` (WEBHOOK_KEY_LEAD_TIME later, 5 minutes by default, so receivers and every worker know it first); the current key is retired then, keeps signing beside it for `overlapHours`, and stays published for good. Deliveries, retries, redeliveries and replays are signed with the keys current when each attempt is made. 409 `webhook_keys.rotation_pending` while the previous rotation’s key has not started. Only the operator organisation may call it, with the `admin` scope. Audited with the reason.
         */
        post: operations["rotateWebhookKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of one of your subscriptions, newest first
         * @description Every delivery made to one of your subscriptions, newest first, filtered by status and cursor-paged. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One delivery with every attempt: status code, duration, error, next attempt
         * @description One delivery to one of your subscriptions with its attempt log: when each attempt started, what the endpoint answered, how long it took and when the next attempt is due. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.
         */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/deliveries/{id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one delivery again
         * @description Queues one more attempt of a delivery now, with the same webhook-id, for example after fixing the endpoint. Any organisation may call it for its own active subscriptions, with the `subscriptions:manage` scope.
         */
        post: operations["redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resend everything since a time, after an outage
         * @description Queues a new delivery of every event since the given time that matches the subscription’s filters, for example after an outage; `truncated` says when to replay again from the last one. Any organisation may call it for its own active subscriptions, with the `subscriptions:manage` scope.
         */
        post: operations["replaySubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The event feed, for clients that cannot receive webhooks
         * @description Every signal change (`signal.created`, `.amended`, `.lifted`, `.retracted`, `.expired`) in sequence order, with the signal as it stood after the change and its `signalVersion`; paged like every list (README, "Paging"): `cursor` and `limit` in, `nextCursor` out and a `Link: rel="next"` header while there is more. The feed is live, so at its end `nextCursor` is null — you are caught up — and `resumeCursor` (always present) is where to poll from next; `after=<seq>` and `nextAfter` still work, deprecated, for one release. A cursor this service did not issue answers 400 input.invalid_cursor, `cursor` with `after` 400 input.invalid. Any organisation may call it, with the `registry:read` scope; events of other organisations’ issuer_and_auditors signals are left out (auditors see all), and reading events of issuer_and_auditors signals is logged. Once a signal is retracted, all its events, earlier ones included, show only its ids, type and supplier (a WithheldSignal) to everyone but its issuer and auditors. Notices about your own subscriptions (`subscription.failing`, `subscription.disabled`) appear in your feed only. Changes to a supplier record (`supplier.updated`: its name or units, with who changed it and why) appear in every organisation’s feed.
         */
        get: operations["listEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/signals/{id}/reach": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whom your signal reached: delivered, pending, failing or no subscription, per organisation
         * @description For the signal’s latest event, each municipality, federation and purchasing centre except the issuer, with whether the event was delivered to one of its webhook endpoints (and when), is pending, is failing (since when, the last error), was not sent (subscribed after the event went out) or no active subscription of it matches; with counts per state. Only the issuing organisation and auditors may call it, with the `registry:read` scope; for anyone else the signal is a 404 like an unknown id.
         */
        get: operations["getSignalReach"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The newest signed checkpoint of the Merkle audit log, with its cosignatures
         * @description The newest checkpoint (C2SP tlog-checkpoint signed note: origin, tree size, RFC 9162 root hash, the registry’s Ed25519 signature) with every witness cosignature posted for it. The registry signs one every minute while the log grows. Any organisation with the `audit:read` scope may call it; keep the checkpoints you fetch, they let you prove later that the log only grew. An empty log answers 404.
         */
        get: operations["getAuditCheckpoint"];
        put?: never;
        /**
         * Sign a checkpoint over the log as it is now
         * @description Extends the tree over every entry written since the newest checkpoint and signs a checkpoint of the new size, without waiting for the periodic signer; answers the newest checkpoint when nothing was written since. Auditors and the operator may call it, with the `audit:read` scope; an empty log answers 404, a chain that does not verify 409 audit.chain_broken (nothing is signed over it).
         */
        post: operations["signAuditCheckpoint"];
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
        /**
         * Every signed checkpoint, newest first
         * @description The signed checkpoints, newest first, with their cosignatures, paged like every list (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header; `before=<size>` and `nextBefore` still work, deprecated, for one release; a cursor this service did not issue answers 400 input.invalid_cursor, `cursor` with `before` 400 input.invalid). Any organisation with the `audit:read` scope may call it.
         */
        get: operations["listAuditCheckpoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints/{size}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed checkpoint of one tree size
         * @description The checkpoint of this size with its cosignatures; 404 when none was signed at this size. Any organisation with the `audit:read` scope may call it.
         */
        get: operations["getAuditCheckpointBySize"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/proofs/inclusion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proof that one entry is in the log: by position, or the entry of a signal version
         * @description The RFC 9162 inclusion proof of one entry against a signed checkpoint (`treeSize`, default the newest), with the entry and the checkpoint, so it verifies offline: hash the entry’s canonical JSON as a leaf and fold the proof up to the checkpoint’s root. Name the entry by `position` (a status receipt gives it) or by `signalId` and `version` (the entry of the member change that made that version). Auditors and the operator may ask for any entry; other organisations with the `audit:read` scope only for their own organisation’s entries (others answer 404, as if absent). The read is logged.
         */
        get: operations["getAuditInclusionProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/proofs/consistency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Proof that a newer checkpoint extends an older one
         * @description The RFC 9162 consistency proof between the signed checkpoints of sizes `from` and `to`, with both checkpoints: the log of size `to` holds the log of size `from` unchanged. It carries only hashes: any organisation with the `audit:read` scope may call it. 404 when either size has no signed checkpoint.
         */
        get: operations["getAuditConsistencyProof"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/witnesses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The registered witness keys
         * @description Every witness key auditors registered, to check the cosignatures on checkpoints. Any organisation with the `audit:read` scope may call it.
         */
        get: operations["listAuditWitnesses"];
        put?: never;
        /**
         * Register your organisation’s witness key
         * @description An auditor organisation registers the Ed25519 public key it will cosign checkpoints with (it keeps the private key; the registry never sees it). Only auditor organisations may, with the `audit:read` scope: the operator may not, since a witness must be independent of the registry. A name or key already registered answers 409.
         */
        post: operations["registerAuditWitness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoints/{size}/cosignatures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Post your witness’s cosignature of a checkpoint you verified
         * @description A witness cosignature (C2SP tlog-cosignature, Ed25519) of the checkpoint of this size, made with a witness key your organisation registered, after you verified the checkpoint’s signature and its consistency with the last one you cosigned. It is checked, kept and served with the checkpoint from then on, so anyone can compare what different auditors were shown. Only auditor organisations may, with the `audit:read` scope, and only with their own witness; posting the same witness’s cosignature again answers 200 with what is kept.
         */
        post: operations["cosignAuditCheckpoint"];
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
         * The audit chain: who changed what, when (members see their own organisation’s entries)
         * @description Entries of the append-only, hash-chained audit log (every write: who, for which organisation, what, when), in chain order, filtered, and paged like every list (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header; `after=<position>` and `nextAfter` still work, deprecated, for one release; a cursor this service did not issue answers 400 input.invalid_cursor, `cursor` with `after` 400 input.invalid). Any organisation with the `audit:read` scope may call it: auditors and the operator see every organisation’s entries, other organisations only their own; each read is itself logged.
         */
        get: operations["listAuditEntries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/head": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The latest signed chain head (kept beside the Merkle log’s checkpoints; re-signed when the chain grew and the last head is a minute old)
         * @description The latest signed chain head {length, headHash, signedAt} with its Ed25519 signature and public key; a new one is signed when the chain has grown and the last is a minute old. Any organisation with the `audit:read` scope may call it; keep the heads you fetch to prove later that no entry was removed. An empty chain answers 404.
         */
        get: operations["getAuditHead"];
        put?: never;
        /**
         * Sign the chain head now
         * @description Signs a head over the chain as it is now, without waiting for the next periodic signing. Auditors and the operator may call it, with the `audit:read` scope; an empty chain answers 404.
         */
        post: operations["signAuditHead"];
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
         * Recompute the chain (and check it against every signed head)
         * @description Recomputes every hash over positions from..to (default: the whole chain) and checks each stored signed head against it, so an altered, removed or truncated entry is found; answers where the chain first breaks. It also checks every signal’s row against its version history and lists those that differ (`signalsDiffering`), such as a stop set to lifted by SQL without a version, an event and an audit entry. Auditors and the operator may call it, with the `audit:read` scope.
         */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
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
         * The whole chain as JSON Lines, for offline verification (npm run audit:verify)
         * @description Streams the whole chain as application/jsonl, one AuditEntry per line, oldest first, for `npm run audit:verify` against the signed heads you kept. Auditors and the operator may call it, with the `audit:read` scope; the export is logged.
         */
        get: operations["exportAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Reads of restricted data: issuer-only signals, sole traders, the audit log itself
         * @description The log of reads of restricted data — issuer_and_auditors signals, sole traders (enskild firma, whose number is a personnummer), supplier histories, the audit log itself — newest first, paged like every list (README, "Paging": `cursor=<nextCursor>`, which continues exactly after the last read of the page whatever is logged meanwhile, and a `Link: rel="next"` header; `before` is a time filter, kept in the next page’s URL). Auditors and the operator may call it, with the `audit:read` scope.
         */
        get: operations["listReadLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/suppliers/{orgNumber}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every version of a supplier record, and every signal and version about it, oldest first
         * @description Every version of the supplier record (name and units: who changed it, when and why), every link to another supplier it ever had (group, succession: who drew it and why, and when and why it ended; an ended link stays), every signal issued about the supplier with its versions and the API client behind each change, and every follow-up record (a check made and its outcome), oldest first. Auditors read every signal, retracted and issuer_and_auditors ones included; the operator reads the signals by the rule of every other route (members-visible and not retracted, as GET /v1/signals/{id} shows them). Auditors and the operator may call it, with the `audit:read` scope; the read is logged, and an unregistered supplier answers 404.
         */
        get: operations["getSupplierHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "signal.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signal was created. */
        post: operations["signalCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "signal.amended": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signal was amended; `signalVersion` says which version this is. */
        post: operations["signalAmendedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "signal.lifted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A call-off stop was lifted (hävt avropsstopp): placements may resume. */
        post: operations["signalLiftedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "signal.expired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signal’s effective period ended; sent once per ended period. */
        post: operations["signalExpiredWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "signal.took_effect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A scheduled signal’s effective period began (effectiveFrom passed): it now reads active and counts in supplier statuses; sent once per scheduled start. */
        post: operations["signalTookEffectWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "signal.replied": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The supplier the signal is about replied to it, or changed its reply (README, "The supplier’s reply"): `signal.reply` is the reply now in force, with `disputed` when the supplier disputes the signal. The signal itself is unchanged, so `signalVersion` is its current version. */
        post: operations["signalRepliedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "signal.retracted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signal was retracted. The body is the same for every subscriber, so it carries only ids, type and supplier: the issuer and auditors read the content with GET /v1/signals/{id} or on the event feed. */
        post: operations["signalRetractedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.failing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliveries to one of your subscriptions are failing. */
        post: operations["subscriptionFailingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "subscription.disabled": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** One of your subscriptions was disabled. */
        post: operations["subscriptionDisabledWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supplier.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A supplier’s name or units were changed by its registrant, the owner of an agreement it is party to, or the operator. Sent to every active subscription whose `types` filter is empty and whose `suppliers` filter is empty or names the supplier; the other filters are about signals and do not apply. */
        post: operations["supplierUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supplier.linked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A member linked two suppliers (group: parent → subsidiary; succession: predecessor → successor): from now a block on one makes the other `caution` for whom it blocks. Sent to every active subscription whose `types` filter is empty and whose `suppliers` filter is empty or names either supplier; the other filters are about signals and do not apply. */
        post: operations["supplierLinkedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "supplier.unlinked": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A link between two suppliers was ended by the organisation that drew it or the operator, with a reason (`link.endReason`); it no longer affects statuses. Sent to every active subscription whose `types` filter is empty and whose `suppliers` filter is empty or names either supplier; the other filters are about signals and do not apply. */
        post: operations["supplierUnlinkedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    ping: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sent by POST /v1/subscriptions/{id}/test to check an endpoint; not an event, not retried. */
        post: operations["pingWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description What the registry answered one organisation about one supplier (or unit), and when. */
        StatusReceiptInput: {
            /** @constant */
            type: "supplier-status-receipt";
            /**
             * @description The receipt format; this README describes version 1.
             * @constant
             */
            version: 1;
            /**
             * Format: uuid
             * @description The receipt’s id; also the target of its audit log entry.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the registry issued the receipt (its clock).
             */
            issuedAt: string;
            /**
             * Format: date-time
             * @description The moment the answer holds for: for a live read, the database time of the answer (the answer’s `asOf`).
             */
            asOf: string;
            /** @description Where issuing this receipt was logged. */
            log: {
                /** @description The position of the receipt’s entry in the audit log (action status.receipt_issued). */
                position: number;
                /** @description SHA-256 (hex) of the canonical JSON of this receipt without `log`: the digest the log entry holds. */
                digest: string;
            };
            question: {
                /** @description organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The unit (verksamhet) asked about; null for the supplier as a whole. */
                unitId: string | null;
                /** @description The organisation that asked (its id); the answer is the one it was given. */
                askedBy: string;
                /**
                 * @description Why you ask: placement (before placing a child with the supplier), follow_up (uppföljning of a supplier you contract), procurement (upphandling or avrop), audit (revision).
                 * @example placement
                 * @enum {string}
                 */
                purpose: "placement" | "follow_up" | "procurement" | "audit";
                /** @description The case reference given with the question; null when none. */
                caseReference: string | null;
            };
            answer: {
                /** @enum {string} */
                status: "blocked" | "caution" | "clear";
                reasons: {
                    signalId: string;
                    /** @description The version of the signal that decided. */
                    signalVersion: number;
                    /**
                     * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
                     * @enum {string}
                     */
                    type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
                    /** @enum {string} */
                    effect: "blocked" | "caution";
                    issuerOrgId: string;
                    unitId: string | null;
                    agreementId: string | null;
                    severity: ("low" | "medium" | "high" | "critical") | null;
                    summary: string;
                    reference: string | null;
                    decisionDate: string | null;
                    /**
                     * Format: date-time
                     * @description UTC, ISO 8601 with milliseconds.
                     */
                    effectiveFrom: string;
                    effectiveUntil: string | null;
                    /** @description For a signal on a linked supplier: the links it came through, as the answer showed them; null for the supplier’s own signals. */
                    linkedThrough: {
                        linkIds: string[];
                        /** @enum {string} */
                        kind: "group" | "succession";
                        relation: string;
                        /** @description organisationsnummer, NNNNNN-NNNN. */
                        orgNumber: string;
                    } | null;
                    /** @description The supplier’s reply in force on the signal, as the answer showed it; null when it had not replied. */
                    reply?: {
                        version: number;
                        supplierOrgId: string;
                        text: string;
                        disputed: boolean;
                        /**
                         * Format: date-time
                         * @description UTC, ISO 8601 with milliseconds.
                         */
                        repliedAt: string;
                    } | null;
                }[];
                units: {
                    unitId: string;
                    /** @enum {string} */
                    status: "blocked" | "caution" | "clear";
                }[];
            };
        };
        /** @description What the registry answered one organisation about a batch of suppliers (or units), and when. */
        BatchStatusReceiptInput: {
            /** @constant */
            type: "supplier-status-batch-receipt";
            /**
             * @description The receipt format; this README describes version 1.
             * @constant
             */
            version: 1;
            /**
             * Format: uuid
             * @description The receipt’s id; also the target of its audit log entry.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the registry issued the receipt (its clock).
             */
            issuedAt: string;
            /**
             * Format: date-time
             * @description The moment the answer holds for: for a live read, the database time of the answer (the answer’s `asOf`).
             */
            asOf: string;
            /** @description Where issuing this receipt was logged. */
            log: {
                /** @description The position of the receipt’s entry in the audit log (action status.receipt_issued). */
                position: number;
                /** @description SHA-256 (hex) of the canonical JSON of this receipt without `log`: the digest the log entry holds. */
                digest: string;
            };
            question: {
                /** @description The questions answered, in the order sent; questions answered `invalid` are not covered. */
                items: {
                    /** @description organisationsnummer, NNNNNN-NNNN. */
                    orgNumber: string;
                    unitId: string | null;
                }[];
                /** @description The organisation that asked (its id); the answer is the one it was given. */
                askedBy: string;
                /**
                 * @description Why you ask: placement (before placing a child with the supplier), follow_up (uppföljning of a supplier you contract), procurement (upphandling or avrop), audit (revision).
                 * @example placement
                 * @enum {string}
                 */
                purpose: "placement" | "follow_up" | "procurement" | "audit";
                /** @description The case reference given with the question; null when none. */
                caseReference: string | null;
            };
            answer: {
                results: {
                    /** @description organisationsnummer, NNNNNN-NNNN. */
                    orgNumber: string;
                    unitId: string | null;
                    registered: boolean;
                    /** @enum {string} */
                    status: "blocked" | "caution" | "clear" | "unknown";
                    reasons: {
                        signalId: string;
                        /** @description The version of the signal that decided. */
                        signalVersion: number;
                        /**
                         * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
                         * @enum {string}
                         */
                        type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
                        /** @enum {string} */
                        effect: "blocked" | "caution";
                        issuerOrgId: string;
                        unitId: string | null;
                        agreementId: string | null;
                        severity: ("low" | "medium" | "high" | "critical") | null;
                        summary: string;
                        reference: string | null;
                        decisionDate: string | null;
                        /**
                         * Format: date-time
                         * @description UTC, ISO 8601 with milliseconds.
                         */
                        effectiveFrom: string;
                        effectiveUntil: string | null;
                        /** @description For a signal on a linked supplier: the links it came through, as the answer showed them; null for the supplier’s own signals. */
                        linkedThrough: {
                            linkIds: string[];
                            /** @enum {string} */
                            kind: "group" | "succession";
                            relation: string;
                            /** @description organisationsnummer, NNNNNN-NNNN. */
                            orgNumber: string;
                        } | null;
                        /** @description The supplier’s reply in force on the signal, as the answer showed it; null when it had not replied. */
                        reply?: {
                            version: number;
                            supplierOrgId: string;
                            text: string;
                            disputed: boolean;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601 with milliseconds.
                             */
                            repliedAt: string;
                        } | null;
                    }[];
                    units: {
                        unitId: string;
                        /** @enum {string} */
                        status: "blocked" | "caution" | "clear";
                    }[];
                }[];
            };
        };
        ReceiptSignatureInput: {
            /** @constant */
            alg: "Ed25519";
            /** @description The first 16 bytes (hex) of SHA-256 over the signing key’s SubjectPublicKeyInfo (DER); find the key at /.well-known/receipt-keys. */
            keyId: string;
            /** @description base64 (RFC 4648, padded) Ed25519 signature over the UTF-8 bytes of the canonical JSON (RFC 8785) of `receipt`. */
            value: string;
        };
        /** @description Keep it as it is, in the case file; verify it with POST /v1/receipts/verify or `npm run receipt:verify`. */
        SignedStatusReceiptInput: {
            receipt: components["schemas"]["StatusReceiptInput"];
            signature: components["schemas"]["ReceiptSignatureInput"];
        };
        /** @description Keep it as it is; verify it with POST /v1/receipts/verify or `npm run receipt:verify`. */
        SignedBatchStatusReceiptInput: {
            receipt: components["schemas"]["BatchStatusReceiptInput"];
            signature: components["schemas"]["ReceiptSignatureInput"];
        };
        /**
         * @description RFC 9457 problem details.
         * @example {
         *       "type": "/problems/signals.not_found",
         *       "title": "Not Found",
         *       "status": 404,
         *       "detail": "No signal 0190f3c2-7b7e-7c4a-9d2e-4f6b1c8a9e01 that you may read.",
         *       "code": "signals.not_found",
         *       "requestId": "3f0c9a4e-8d1b-4c57-9a2e-6b1d0e7f4a21",
         *       "instance": "/v1/signals/0190f3c2-7b7e-7c4a-9d2e-4f6b1c8a9e01"
         *     }
         */
        Problem: {
            /** @description A page explaining the code, `/problems/{code}` relative to the registry’s origin (RFC 9457 §3.1.1). */
            type: string;
            /** @description The HTTP status phrase, e.g. `Not Found`. */
            title: string;
            /** @description The HTTP status code, repeated. */
            status: number;
            /** @description What went wrong with this request, for a person to read. */
            detail: string;
            /** @description Stable, dotted error code, e.g. `signals.not_found`. */
            code: string;
            /** @description The request id, also sent as the `X-Request-Id` header; the log has the details under it. */
            requestId: string;
            /** @description The path that was asked for. */
            instance?: string;
            /** @description Field-level problems for validation errors. */
            errors?: {
                path: string;
                message: string;
            }[];
            /** @description For input.personal_data: the fields that carry a personnummer. */
            fields?: string[];
        };
        /** @description What an error code means: the page a problem’s `type` URI points to. */
        ProblemPage: {
            /** @description This page: the `type` of every problem with this code. */
            type: string;
            /** @description The stable, dotted error code. */
            code: string;
            /** @description The HTTP status a problem with this code is answered with. */
            status: number;
            /** @description The status’s reason phrase, as in the problem’s `title`. */
            title: string;
            /** @description What the error means and what to do about it. */
            explanation: string;
        };
        /** @description The supplier’s reply to a signal about it (README, "The supplier’s reply"). It changes no status. */
        SignalReply: {
            /** @description 1 for the first reply; each change adds one (GET /v1/signals/{id}/replies lists them all). */
            version: number;
            /** @description The supplier organisation that replied: the one the operator linked to the signal’s organisation number. */
            supplierOrgId: string;
            /** @description What the supplier says about the signal. */
            text: string;
            /** @description true when the supplier disputes what the signal says (bestrider). */
            disputed: boolean;
            /**
             * Format: date-time
             * @description When this version of the reply was made.
             */
            repliedAt: string;
        };
        SignalReplyPayload: {
            /** @description 1 for the first reply; each change adds one (GET /v1/signals/{id}/replies lists them all). */
            version: number;
            /** @description The supplier organisation that replied: the one the operator linked to the signal’s organisation number. */
            supplierOrgId: string;
            /** @description What the supplier says about the signal. */
            text: string;
            /** @description true when the supplier disputes what the signal says (bestrider). */
            disputed: boolean;
            /**
             * Format: date-time
             * @description When this version of the reply was made.
             */
            repliedAt: string;
        };
        SignalReplyList: {
            /** @description Every version of the reply, oldest first; empty when the supplier has not replied. */
            items: components["schemas"]["SignalReply"][];
        };
        /** @description That a supplier organisation answers for one organisation number: it reads the members-visible signals about it and replies to them. */
        SupplierRepresentation: {
            /**
             * Format: uuid
             * @description The representation’s id.
             */
            id: string;
            /** @description The supplier organisation that answers for the number. */
            supplierOrgId: string;
            /** @description The registered supplier’s organisationsnummer, NNNNNN-NNNN. */
            orgNumber: string;
            /** @description Why the operator linked them (e.g. how the supplier’s identity was checked). */
            reason: string;
            /** Format: date-time */
            createdAt: string;
            /** @description When the operator ended it; null while it holds. */
            endedAt: string | null;
            endReason: string | null;
        };
        SupplierRepresentationList: {
            /** @description Oldest first, ended ones included. */
            items: components["schemas"]["SupplierRepresentation"][];
            /** @description Pass as `cursor` for the next page; null on the last page. */
            nextCursor: string | null;
        };
        Agreement: {
            /**
             * Format: uuid
             * @description Agreement id (UUIDv7); name it in a signal’s agreementId.
             */
            id: string;
            /** @description The organisation that owns the agreement; only it adds parties and issues stops and terminations under it. */
            ownerOrgId: string;
            name: string;
            /**
             * @description Service category of the framework agreement (ramavtal).
             * @enum {string}
             */
            category: "hvb_children" | "family_home_agency" | "supported_housing_adults" | "supported_housing_youth" | "protected_housing" | "hvb_adults_substance" | "gambling_addiction";
            /**
             * Format: date
             * @description First day the agreement applies (YYYY-MM-DD).
             */
            validFrom: string;
            /** @description Last day it applies (YYYY-MM-DD); null when open-ended. */
            validUntil: string | null;
            /** @description Organisation numbers of the supplier parties. */
            suppliers: string[];
            /** Format: date-time */
            createdAt: string;
        };
        AgreementParty: {
            /** Format: uuid */
            agreementId: string;
            supplierOrgNumber: string;
            /** Format: date-time */
            addedAt: string;
        };
        /** @description One statement about a supplier by one organisation. Never deleted: changes are new versions. */
        Signal: {
            /**
             * Format: uuid
             * @description Signal id (UUIDv7, time-ordered).
             */
            id: string;
            /**
             * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
             * @enum {string}
             */
            type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
            /**
             * @description The supplier’s organisationsnummer.
             * @example 559401-1487
             */
            supplierOrgNumber: string;
            /** @description The unit (verksamhet) the signal names, if any. */
            unitId: string | null;
            /** @description The framework agreement (ramavtal), if any. */
            agreementId: string | null;
            /**
             * @description The organisation that issued the signal.
             * @example alvby
             */
            issuerOrgId: string;
            /**
             * @description scheduled: its period has not begun (effectiveFrom is ahead), so it does not count in any status yet; active: in effect; lifted: a call-off stop its issuer lifted (hävt avropsstopp); expired: past effectiveUntil; retracted: withdrawn by its issuer, seen only by the issuer and auditors. scheduled and expired are computed on read from the period and the database clock.
             * @enum {string}
             */
            status: "scheduled" | "active" | "lifted" | "expired" | "retracted";
            /**
             * @description members: every organisation; issuer_and_auditors: only the issuer and auditors, and every read is logged (deviations and financial warnings only).
             * @enum {string}
             */
            visibility: "members" | "issuer_and_auditors";
            /** @description How serious a deviation (avvikelse) is; null for other types. */
            severity: ("low" | "medium" | "high" | "critical") | null;
            /** @description Deviation (avvikelse) category; null for other types. */
            category: ("staffing" | "premises" | "care_plan" | "reporting" | "whistleblower_freedom" | "substances" | "safety" | "finances" | "other") | null;
            /**
             * @description What was found or decided, in a sentence or two.
             * @example Bemanningen understeg avtalad nivå vid uppföljning.
             */
            summary: string;
            /** @description The fuller account, if the issuer gave one. */
            details: string | null;
            /**
             * @description Case reference: IVO’s diarienummer for IVO decisions, or the issuer’s own case number.
             * @example 3.5.1-12345/2026
             */
            reference: string | null;
            /** @description For IVO decisions, the date IVO decided (YYYY-MM-DD); null for other types and for IVO decisions recorded before the registry asked for it. */
            decisionDate: string | null;
            /** @description Why a call-off stop or termination was made; null on other types and when the issuer did not say. */
            ground: ("quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other") | null;
            /** @description For a termination: notice (uppsägning) or rescission (hävning); null otherwise or when not given. */
            terminationKind: ("notice" | "rescission") | null;
            /** @description For a tip: the organisation it is addressed to; null otherwise. */
            recipientOrgId: string | null;
            /** @description The signals that led to this stop or termination, as far as you may read them (in events: those every member may read). */
            relatedSignalIds: string[];
            /**
             * Format: date-time
             * @description When the signal starts to apply; before that it reads scheduled.
             */
            effectiveFrom: string;
            /** @description When it stops applying; after that it reads as expired. */
            effectiveUntil: string | null;
            /** @description 1 when created; every amendment, lift or retraction adds one. */
            version: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The reply in force of the supplier the signal is about (README, "The supplier’s reply"), shown to everyone who reads the signal; null when it has not replied. */
            reply: components["schemas"]["SignalReply"] | null;
        };
        /** @description The signal as it stood after one change; versions are never altered. */
        SignalVersion: {
            /** @description 1 for the signal as created, then one more per change. */
            version: number;
            /**
             * @description What made this version.
             * @enum {string}
             */
            change: "created" | "amended" | "lifted" | "retracted";
            /** @description Why the change was made; null for the created version. */
            reason: string | null;
            /**
             * @description The stored status after the change (scheduled and expired are only computed on read).
             * @enum {string}
             */
            status: "active" | "lifted" | "retracted";
            /**
             * @description members: every organisation; issuer_and_auditors: only the issuer and auditors, and every read is logged (deviations and financial warnings only).
             * @enum {string}
             */
            visibility: "members" | "issuer_and_auditors";
            severity: ("low" | "medium" | "high" | "critical") | null;
            category: ("staffing" | "premises" | "care_plan" | "reporting" | "whistleblower_freedom" | "substances" | "safety" | "finances" | "other") | null;
            summary: string;
            details: string | null;
            reference: string | null;
            /** @description For IVO decisions, the date IVO decided (YYYY-MM-DD). */
            decisionDate: string | null;
            ground: ("quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other") | null;
            terminationKind: ("notice" | "rescission") | null;
            recipientOrgId: string | null;
            /** @description As far as you may read them. */
            relatedSignalIds: string[];
            unitId: string | null;
            agreementId: string | null;
            /** Format: date-time */
            effectiveFrom: string;
            effectiveUntil: string | null;
            /** @description The organisation that made the change (always the issuer). */
            actorOrgId: string;
            /**
             * Format: date-time
             * @description When the change was made.
             */
            createdAt: string;
        };
        SignalCounts: {
            /** @description One row per month, type, category, ground and termination kind that has signals; the rest are left out. */
            items: {
                /** @description The month the signals took effect (effectiveFrom), Swedish time, YYYY-MM. */
                month: string;
                /**
                 * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
                 * @enum {string}
                 */
                type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
                /** @description For deviations, their category. */
                category: ("staffing" | "premises" | "care_plan" | "reporting" | "whistleblower_freedom" | "substances" | "safety" | "finances" | "other") | null;
                /** @description For stops and terminations, their ground (null when not given). */
                ground: ("quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other") | null;
                /** @description For terminations, their kind (null when not given). */
                terminationKind: ("notice" | "rescission") | null;
                count: number;
            }[];
            /** @description The sum of the counts: the signals the same filters list, retracted ones left out. */
            total: number;
        };
        /** @description A member’s claim that two suppliers are linked. While it is active, a block on one makes the other `caution` in status answers (README, "Linked suppliers"). */
        SupplierLink: {
            /**
             * Format: uuid
             * @description The link id; end it with POST /v1/supplier-links/{id}/end.
             */
            id: string;
            /**
             * @description group: fromOrgNumber is the parent company (moderbolag), toOrgNumber its subsidiary (dotterbolag); succession: toOrgNumber took over the operation of fromOrgNumber (predecessor → successor).
             * @enum {string}
             */
            kind: "group" | "succession";
            /** @description group: the parent company; succession: the predecessor. */
            from: {
                /** @description organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The supplier’s current name. */
                name: string;
                /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
                soleTrader: boolean;
            };
            /** @description group: the subsidiary; succession: the successor. */
            to: {
                /** @description organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The supplier’s current name. */
                name: string;
                /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
                soleTrader: boolean;
            };
            /** @description Why the suppliers were linked, as the organisation that linked them gave it. */
            reason: string;
            /** @description The organisation that drew the link; it (or the operator) may end it. */
            createdByOrgId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description When the link was ended; null while it is active. An ended link stays in the history. */
            endedAt: string | null;
            /** @description The organisation that ended it. */
            endedByOrgId: string | null;
            /** @description Why it was ended. */
            endReason: string | null;
        };
        SupplierLinkOfSupplier: {
            /**
             * Format: uuid
             * @description The link id; end it with POST /v1/supplier-links/{id}/end.
             */
            id: string;
            /**
             * @description group: fromOrgNumber is the parent company (moderbolag), toOrgNumber its subsidiary (dotterbolag); succession: toOrgNumber took over the operation of fromOrgNumber (predecessor → successor).
             * @enum {string}
             */
            kind: "group" | "succession";
            /** @description group: the parent company; succession: the predecessor. */
            from: {
                /** @description organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The supplier’s current name. */
                name: string;
                /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
                soleTrader: boolean;
            };
            /** @description group: the subsidiary; succession: the successor. */
            to: {
                /** @description organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The supplier’s current name. */
                name: string;
                /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
                soleTrader: boolean;
            };
            /** @description Why the suppliers were linked, as the organisation that linked them gave it. */
            reason: string;
            /** @description The organisation that drew the link; it (or the operator) may end it. */
            createdByOrgId: string;
            /** Format: date-time */
            createdAt: string;
            /** @description When the link was ended; null while it is active. An ended link stays in the history. */
            endedAt: string | null;
            /** @description The organisation that ended it. */
            endedByOrgId: string | null;
            /** @description Why it was ended. */
            endReason: string | null;
            /**
             * @description What the other supplier of the link is to this one.
             * @enum {string}
             */
            relation: "parent" | "subsidiary" | "predecessor" | "successor";
        };
        /** @description A link between two suppliers as it stood after the change. */
        SupplierLinkPayload: {
            /**
             * Format: uuid
             * @description The link id; end it with POST /v1/supplier-links/{id}/end.
             */
            id: string;
            /**
             * @description group: fromOrgNumber is the parent company (moderbolag), toOrgNumber its subsidiary (dotterbolag); succession: toOrgNumber took over the operation of fromOrgNumber (predecessor → successor).
             * @enum {string}
             */
            kind: "group" | "succession";
            /** @description group: the parent company; succession: the predecessor. */
            from: {
                /** @description organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The supplier’s current name. */
                name: string;
                /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
                soleTrader: boolean;
            };
            /** @description group: the subsidiary; succession: the successor. */
            to: {
                /** @description organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The supplier’s current name. */
                name: string;
                /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
                soleTrader: boolean;
            };
            /** @description Why the suppliers were linked, as the organisation that linked them gave it. */
            reason: string;
            /** @description The organisation that drew the link; it (or the operator) may end it. */
            createdByOrgId: string;
            /**
             * Format: date-time
             * @description When the link was drawn.
             */
            createdAt: string;
            /** @description When it was ended; null in supplier.linked. */
            endedAt: string | null;
            /** @description The organisation that ended it; null in supplier.linked. */
            endedByOrgId: string | null;
            /** @description Why it was ended; null in supplier.linked. */
            endReason: string | null;
        };
        /** @description The signal as it stood after the change. */
        SignalPayload: {
            /**
             * Format: uuid
             * @description Signal id (UUIDv7, time-ordered).
             */
            id: string;
            /**
             * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
             * @enum {string}
             */
            type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
            /**
             * @description The supplier’s organisationsnummer.
             * @example 559401-1487
             */
            supplierOrgNumber: string;
            /** @description The unit (verksamhet) the signal names, if any. */
            unitId: string | null;
            /** @description The framework agreement (ramavtal), if any. */
            agreementId: string | null;
            /**
             * @description The organisation that issued the signal.
             * @example alvby
             */
            issuerOrgId: string;
            /**
             * @description scheduled: its period has not begun (effectiveFrom is ahead), so it does not count in any status yet; active: in effect; lifted: a call-off stop its issuer lifted (hävt avropsstopp); expired: past effectiveUntil; retracted: withdrawn by its issuer, seen only by the issuer and auditors. scheduled and expired are computed on read from the period and the database clock.
             * @enum {string}
             */
            status: "scheduled" | "active" | "lifted" | "expired" | "retracted";
            /**
             * @description members: every organisation; issuer_and_auditors: only the issuer and auditors, and every read is logged (deviations and financial warnings only).
             * @enum {string}
             */
            visibility: "members" | "issuer_and_auditors";
            /** @description How serious a deviation (avvikelse) is; null for other types. */
            severity: ("low" | "medium" | "high" | "critical") | null;
            /** @description Deviation (avvikelse) category; null for other types. */
            category: ("staffing" | "premises" | "care_plan" | "reporting" | "whistleblower_freedom" | "substances" | "safety" | "finances" | "other") | null;
            /**
             * @description What was found or decided, in a sentence or two.
             * @example Bemanningen understeg avtalad nivå vid uppföljning.
             */
            summary: string;
            /** @description The fuller account, if the issuer gave one. */
            details: string | null;
            /**
             * @description Case reference: IVO’s diarienummer for IVO decisions, or the issuer’s own case number.
             * @example 3.5.1-12345/2026
             */
            reference: string | null;
            /** @description For IVO decisions, the date IVO decided (YYYY-MM-DD); null for other types and for IVO decisions recorded before the registry asked for it. */
            decisionDate: string | null;
            /** @description Why a call-off stop or termination was made; null on other types and when the issuer did not say. */
            ground: ("quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other") | null;
            /** @description For a termination: notice (uppsägning) or rescission (hävning); null otherwise or when not given. */
            terminationKind: ("notice" | "rescission") | null;
            /** @description For a tip: the organisation it is addressed to; null otherwise. */
            recipientOrgId: string | null;
            /** @description The signals that led to this stop or termination, as far as you may read them (in events: those every member may read). */
            relatedSignalIds: string[];
            /** @description 1 when created; every amendment, lift or retraction adds one. */
            version: number;
            /**
             * Format: date-time
             * @description When the signal starts to apply.
             */
            effectiveFrom: string;
            /** @description When it stops applying; after that it reads as expired. */
            effectiveUntil: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description The supplier’s reply in force when the event was recorded; null when there was none. */
            reply: components["schemas"]["SignalReplyPayload"] | null;
        };
        /** @description A retracted signal: its content (summary, details, reference, severity, period, issuer …) is withheld from everyone but its issuer and auditors, who read it with GET /v1/signals/{id}. */
        WithheldSignal: {
            /**
             * Format: uuid
             * @description Signal id.
             */
            id: string;
            /**
             * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
             * @enum {string}
             */
            type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
            /**
             * @description The supplier’s organisationsnummer.
             * @example 559401-1487
             */
            supplierOrgNumber: string;
            /**
             * @description The signal has been retracted; its content is withheld.
             * @constant
             */
            status: "retracted";
        };
        /** @description The state of one of your subscriptions, sent to your organisation only. */
        Notice: {
            /**
             * Format: uuid
             * @description Your subscription the notice is about.
             */
            subscriptionId: string;
            /** @description Its endpoint. */
            url: string;
            /** @description When deliveries to it began to fail; null when they do not fail. */
            failingSince: string | null;
            /** @description Failed attempts in a row. */
            consecutiveFailures: number;
            /** @description What the last failed attempt met: a status code or a network error. */
            lastError: string | null;
            /** @description When a delivery to it last succeeded. */
            lastSuccessAt: string | null;
            /** @description Why the subscription was disabled; null while it is active. */
            disabledReason: string | null;
        };
        /** @description A supplier record (name and units) as it stood after a change. */
        SupplierPayload: {
            /** @description The supplier’s organisationsnummer, NNNNNN-NNNN. */
            orgNumber: string;
            /** @description The supplier’s name after the change. */
            name: string;
            /** @description Its name before the change (the same when only units changed); search still finds it under this name. */
            previousName: string;
            /** @description true for a sole trader (enskild firma), whose number is a personnummer. */
            soleTrader: boolean;
            /** @description Its units (verksamheter) after the change. */
            units: {
                /** Format: uuid */
                id: string;
                name: string;
                kind: string | null;
            }[];
            /** @description The record’s version after the change; keep the highest you have seen. */
            version: number;
            /** @description Why it was changed, as the changer gave it. */
            reason: string | null;
            /** @description The organisation that changed it: its registrant, the owner of an agreement it is party to, or the operator. */
            changedByOrgId: string;
            /**
             * Format: date-time
             * @description When the change was recorded.
             */
            changedAt: string;
        };
        /** @description One change to a signal. */
        Event: {
            /** @description Sequence number, monotonically increasing in commit order. */
            seq: number;
            /**
             * Format: uuid
             * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
             */
            id: string;
            /**
             * @description What happened to the signal: created, amended, lifted (a call-off stop), retracted, expired (its effectiveUntil passed), or took_effect (a scheduled signal’s effectiveFrom passed).
             * @enum {string}
             */
            type: "signal.created" | "signal.amended" | "signal.lifted" | "signal.retracted" | "signal.expired" | "signal.took_effect" | "signal.replied";
            /**
             * Format: uuid
             * @description The signal the event is about.
             */
            signalId: string;
            /** @description The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version. */
            signalVersion: number;
            /**
             * Format: date-time
             * @description When the change was recorded.
             */
            createdAt: string;
            /** @description The signal as it stood after the change, or only its ids when it has been retracted since and you are neither its issuer nor an auditor. */
            signal: components["schemas"]["SignalPayload"] | components["schemas"]["WithheldSignal"];
        };
        /** @description A notice about one of your own subscriptions; no other organisation sees it. */
        NoticeEvent: {
            /** @description Sequence number, monotonically increasing in commit order. */
            seq: number;
            /**
             * Format: uuid
             * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
             */
            id: string;
            /**
             * @description subscription.failing: deliveries to it fail; subscription.disabled: it was disabled.
             * @enum {string}
             */
            type: "subscription.failing" | "subscription.disabled";
            /**
             * Format: uuid
             * @description Your subscription the notice is about.
             */
            subscriptionId: string;
            /**
             * Format: date-time
             * @description When the notice was recorded.
             */
            createdAt: string;
            notice: components["schemas"]["Notice"];
        };
        /** @description A change to a supplier record (name, units); every organisation sees it. */
        SupplierEvent: {
            /** @description Sequence number, monotonically increasing in commit order. */
            seq: number;
            /**
             * Format: uuid
             * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
             */
            id: string;
            /**
             * @description supplier.updated: a supplier’s name or units changed.
             * @enum {string}
             */
            type: "supplier.updated";
            /** @description The supplier, NNNNNN-NNNN. */
            supplierOrgNumber: string;
            /**
             * Format: date-time
             * @description When the change was recorded.
             */
            createdAt: string;
            supplier: components["schemas"]["SupplierPayload"];
        };
        /** @description A link between two suppliers drawn or ended; every organisation sees it. */
        SupplierLinkEvent: {
            /** @description Sequence number, monotonically increasing in commit order. */
            seq: number;
            /**
             * Format: uuid
             * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
             */
            id: string;
            /**
             * @description supplier.linked: two suppliers were linked; supplier.unlinked: the link was ended.
             * @enum {string}
             */
            type: "supplier.linked" | "supplier.unlinked";
            /**
             * Format: date-time
             * @description When the change was recorded.
             */
            createdAt: string;
            link: components["schemas"]["SupplierLinkPayload"];
        };
        EventFeed: {
            items: (components["schemas"]["Event"] | components["schemas"]["NoticeEvent"] | components["schemas"]["SupplierEvent"] | components["schemas"]["SupplierLinkEvent"])[];
            /** @description Pass as `cursor` for the next page; null when you are caught up (no event after this page yet). The feed is live: keep `resumeCursor` and poll again with it. */
            nextCursor: string | null;
            /** @description Where you are: the position after the last event of this page (or the position you asked from, when the page is empty). Equal to `nextCursor` when that is not null; poll with it once caught up. */
            resumeCursor: string;
            /**
             * @deprecated
             * @description Deprecated, kept for one release: the sequence number of the last event of this page (or the `after` you sent), for clients that still page with `after`. Never null.
             */
            nextAfter: number;
        };
        /** @description A signal was created. */
        SignalCreatedWebhook: {
            /** @constant */
            type: "signal.created";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                /**
                 * Format: uuid
                 * @description The signal the event is about.
                 */
                signalId: string;
                /** @description The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version. */
                signalVersion: number;
                /** @description The signal as it stood after the change, or only its ids when it has been retracted since and you are neither its issuer nor an auditor. */
                signal: components["schemas"]["SignalPayload"] | components["schemas"]["WithheldSignal"];
            };
        };
        /** @description A signal was amended; `signalVersion` says which version this is. */
        SignalAmendedWebhook: {
            /** @constant */
            type: "signal.amended";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                /**
                 * Format: uuid
                 * @description The signal the event is about.
                 */
                signalId: string;
                /** @description The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version. */
                signalVersion: number;
                /** @description The signal as it stood after the change, or only its ids when it has been retracted since and you are neither its issuer nor an auditor. */
                signal: components["schemas"]["SignalPayload"] | components["schemas"]["WithheldSignal"];
            };
        };
        /** @description A call-off stop was lifted (hävt avropsstopp): placements may resume. */
        SignalLiftedWebhook: {
            /** @constant */
            type: "signal.lifted";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                /**
                 * Format: uuid
                 * @description The signal the event is about.
                 */
                signalId: string;
                /** @description The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version. */
                signalVersion: number;
                /** @description The signal as it stood after the change, or only its ids when it has been retracted since and you are neither its issuer nor an auditor. */
                signal: components["schemas"]["SignalPayload"] | components["schemas"]["WithheldSignal"];
            };
        };
        /** @description A signal’s effective period ended; sent once per ended period. */
        SignalExpiredWebhook: {
            /** @constant */
            type: "signal.expired";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                /**
                 * Format: uuid
                 * @description The signal the event is about.
                 */
                signalId: string;
                /** @description The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version. */
                signalVersion: number;
                /** @description The signal as it stood after the change, or only its ids when it has been retracted since and you are neither its issuer nor an auditor. */
                signal: components["schemas"]["SignalPayload"] | components["schemas"]["WithheldSignal"];
            };
        };
        /** @description A scheduled signal’s effective period began (effectiveFrom passed): it now reads active and counts in supplier statuses; sent once per scheduled start. */
        SignalTookEffectWebhook: {
            /** @constant */
            type: "signal.took_effect";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                /**
                 * Format: uuid
                 * @description The signal the event is about.
                 */
                signalId: string;
                /** @description The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version. */
                signalVersion: number;
                /** @description The signal as it stood after the change, or only its ids when it has been retracted since and you are neither its issuer nor an auditor. */
                signal: components["schemas"]["SignalPayload"] | components["schemas"]["WithheldSignal"];
            };
        };
        /** @description The supplier the signal is about replied to it, or changed its reply (README, "The supplier’s reply"): `signal.reply` is the reply now in force, with `disputed` when the supplier disputes the signal. The signal itself is unchanged, so `signalVersion` is its current version. */
        SignalRepliedWebhook: {
            /** @constant */
            type: "signal.replied";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                /**
                 * Format: uuid
                 * @description The signal the event is about.
                 */
                signalId: string;
                /** @description The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version. */
                signalVersion: number;
                /** @description The signal as it stood after the change, or only its ids when it has been retracted since and you are neither its issuer nor an auditor. */
                signal: components["schemas"]["SignalPayload"] | components["schemas"]["WithheldSignal"];
            };
        };
        /** @description A signal was retracted. The body is the same for every subscriber, so it carries only ids, type and supplier: the issuer and auditors read the content with GET /v1/signals/{id} or on the event feed. */
        SignalRetractedWebhook: {
            /** @constant */
            type: "signal.retracted";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                /**
                 * Format: uuid
                 * @description The signal the event is about.
                 */
                signalId: string;
                /** @description The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version. */
                signalVersion: number;
                signal: components["schemas"]["WithheldSignal"];
            };
        };
        /** @description Deliveries to one of your subscriptions are failing. */
        SubscriptionFailingWebhook: {
            /** @constant */
            type: "subscription.failing";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                notice: components["schemas"]["Notice"];
            };
        };
        /** @description One of your subscriptions was disabled. */
        SubscriptionDisabledWebhook: {
            /** @constant */
            type: "subscription.disabled";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                notice: components["schemas"]["Notice"];
            };
        };
        /** @description A supplier’s name or units were changed by its registrant, the owner of an agreement it is party to, or the operator. Sent to every active subscription whose `types` filter is empty and whose `suppliers` filter is empty or names the supplier; the other filters are about signals and do not apply. */
        SupplierUpdatedWebhook: {
            /** @constant */
            type: "supplier.updated";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                /** @description The supplier, NNNNNN-NNNN. */
                supplierOrgNumber: string;
                supplier: components["schemas"]["SupplierPayload"];
            };
        };
        /** @description A member linked two suppliers (group: parent → subsidiary; succession: predecessor → successor): from now a block on one makes the other `caution` for whom it blocks. Sent to every active subscription whose `types` filter is empty and whose `suppliers` filter is empty or names either supplier; the other filters are about signals and do not apply. */
        SupplierLinkedWebhook: {
            /** @constant */
            type: "supplier.linked";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                link: components["schemas"]["SupplierLinkPayload"];
            };
        };
        /** @description A link between two suppliers was ended by the organisation that drew it or the operator, with a reason (`link.endReason`); it no longer affects statuses. Sent to every active subscription whose `types` filter is empty and whose `suppliers` filter is empty or names either supplier; the other filters are about signals and do not apply. */
        SupplierUnlinkedWebhook: {
            /** @constant */
            type: "supplier.unlinked";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /** @description Sequence number, monotonically increasing in commit order. */
                seq: number;
                /**
                 * Format: uuid
                 * @description Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.
                 */
                eventId: string;
                link: components["schemas"]["SupplierLinkPayload"];
            };
        };
        /** @description Sent by POST /v1/subscriptions/{id}/test to check an endpoint; not an event, not retried. */
        PingWebhook: {
            /** @constant */
            type: "ping";
            /**
             * Format: date-time
             * @description When the event was recorded.
             */
            timestamp: string;
            data: {
                /**
                 * Format: uuid
                 * @description The subscription pinged.
                 */
                subscriptionId: string;
            };
        };
        Subscription: {
            /**
             * Format: uuid
             * @description Subscription id (UUIDv7).
             */
            id: string;
            /** @description The organisation that owns the subscription and receives its events. */
            orgId: string;
            /** @description Where events are POSTed. */
            url: string;
            description: string | null;
            /** @description Which signals the subscription receives. */
            filters: {
                /** @description Only these signal types. */
                types?: string[];
                /** @description Only signals about these suppliers (organisationsnummer). */
                suppliers?: string[];
                /** @description Only signals under these framework agreements (ramavtal). */
                agreements?: string[];
                /** @description Only signals issued by these municipalities (kommunkod); about the issuer, not whom the signal blocks. */
                municipalityCodes?: string[];
                /**
                 * @description Deviations below this severity are held back.
                 * @enum {string}
                 */
                minSeverity?: "low" | "medium" | "high" | "critical";
                /** @description Only signals that block one of these organisations by the supplier-status rules: a revoked permit (blocks everyone), and a call-off stop or termination from a purchasing centre, from the organisation’s federation or from the organisation itself. Without `organisations` ({}), the default set: your own organisation and, for a federation, its member municipalities (as they are when each event is matched). Cautions — another organisation’s own pause, injunctions, deviations, financial warnings — block no one and do not pass. */
                affects?: {
                    /** @description Organisation ids; absent for the default set. */
                    organisations?: string[];
                };
            };
            /**
             * @description active: events are delivered; disabled: paused by you or stopped by the registry.
             * @enum {string}
             */
            status: "active" | "disabled";
            /** @description Also sign every delivery with the registry’s Ed25519 key (Standard Webhooks `v1a`), beside the `v1` HMAC: the `webhook-signature` header then carries `v1,…` and `v1a,…`, and `webhook-key-id` names the key, published at /.well-known/webhook-keys. Unlike an HMAC, which you could have made yourself with the shared secret, a v1a signature lets you show a third party what the registry sent you. Off unless asked for. */
            v1aSignatures: boolean;
            /** @description Why deliveries stopped, when the registry disabled the endpoint. */
            disabledReason: string | null;
            /** @description When deliveries stopped. */
            disabledAt: string | null;
            /** @description Start of the current run of failed attempts; after 5 days of failures the endpoint is disabled. */
            failingSince: string | null;
            /** @description The endpoint’s delivery health. After 15 minutes of failures your organisation is told by a `subscription.failing` event, and when the registry disables the endpoint by `subscription.disabled`, on the event feed and on your other active subscriptions. */
            health: {
                /** @description When the endpoint last answered 2xx (kept to the minute). */
                lastSuccessAt: string | null;
                /** @description When an attempt last failed. */
                lastFailureAt: string | null;
                /** @description Start of the current run of failed attempts; null while the endpoint is healthy. */
                failingSince: string | null;
                /** @description Failed attempts in a row since the last success. */
                consecutiveFailures: number;
                /** @description What the last failed attempt got: an HTTP status, a timeout or a connection error. */
                lastError: string | null;
                /** @description While in the future, nothing is sent to the endpoint (circuit breaker): its deliveries wait until then, without using their retries. */
                circuitOpenUntil: string | null;
                /** @description When the next pending delivery to the endpoint is due; null when none is pending. */
                nextAttemptAt: string | null;
                /** @description Deliveries not yet delivered that will still be attempted. */
                pendingDeliveries: number;
            };
            /** @description Until when the secret before the last rotation still signs beside the current one. */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        SubscriptionWithSecret: {
            /**
             * Format: uuid
             * @description Subscription id (UUIDv7).
             */
            id: string;
            /** @description The organisation that owns the subscription and receives its events. */
            orgId: string;
            /** @description Where events are POSTed. */
            url: string;
            description: string | null;
            /** @description Which signals the subscription receives. */
            filters: {
                /** @description Only these signal types. */
                types?: string[];
                /** @description Only signals about these suppliers (organisationsnummer). */
                suppliers?: string[];
                /** @description Only signals under these framework agreements (ramavtal). */
                agreements?: string[];
                /** @description Only signals issued by these municipalities (kommunkod); about the issuer, not whom the signal blocks. */
                municipalityCodes?: string[];
                /**
                 * @description Deviations below this severity are held back.
                 * @enum {string}
                 */
                minSeverity?: "low" | "medium" | "high" | "critical";
                /** @description Only signals that block one of these organisations by the supplier-status rules: a revoked permit (blocks everyone), and a call-off stop or termination from a purchasing centre, from the organisation’s federation or from the organisation itself. Without `organisations` ({}), the default set: your own organisation and, for a federation, its member municipalities (as they are when each event is matched). Cautions — another organisation’s own pause, injunctions, deviations, financial warnings — block no one and do not pass. */
                affects?: {
                    /** @description Organisation ids; absent for the default set. */
                    organisations?: string[];
                };
            };
            /**
             * @description active: events are delivered; disabled: paused by you or stopped by the registry.
             * @enum {string}
             */
            status: "active" | "disabled";
            /** @description Also sign every delivery with the registry’s Ed25519 key (Standard Webhooks `v1a`), beside the `v1` HMAC: the `webhook-signature` header then carries `v1,…` and `v1a,…`, and `webhook-key-id` names the key, published at /.well-known/webhook-keys. Unlike an HMAC, which you could have made yourself with the shared secret, a v1a signature lets you show a third party what the registry sent you. Off unless asked for. */
            v1aSignatures: boolean;
            /** @description Why deliveries stopped, when the registry disabled the endpoint. */
            disabledReason: string | null;
            /** @description When deliveries stopped. */
            disabledAt: string | null;
            /** @description Start of the current run of failed attempts; after 5 days of failures the endpoint is disabled. */
            failingSince: string | null;
            /** @description The endpoint’s delivery health. After 15 minutes of failures your organisation is told by a `subscription.failing` event, and when the registry disables the endpoint by `subscription.disabled`, on the event feed and on your other active subscriptions. */
            health: {
                /** @description When the endpoint last answered 2xx (kept to the minute). */
                lastSuccessAt: string | null;
                /** @description When an attempt last failed. */
                lastFailureAt: string | null;
                /** @description Start of the current run of failed attempts; null while the endpoint is healthy. */
                failingSince: string | null;
                /** @description Failed attempts in a row since the last success. */
                consecutiveFailures: number;
                /** @description What the last failed attempt got: an HTTP status, a timeout or a connection error. */
                lastError: string | null;
                /** @description While in the future, nothing is sent to the endpoint (circuit breaker): its deliveries wait until then, without using their retries. */
                circuitOpenUntil: string | null;
                /** @description When the next pending delivery to the endpoint is due; null when none is pending. */
                nextAttemptAt: string | null;
                /** @description Deliveries not yet delivered that will still be attempted. */
                pendingDeliveries: number;
            };
            /** @description Until when the secret before the last rotation still signs beside the current one. */
            previousSecretExpiresAt: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** @description Signing secret (whsec_…). Shown only when created or rotated. */
            secret: string;
        };
        /** @description The old secret keeps signing beside the new one until previousSecretExpiresAt. */
        RotatedSecret: {
            /** @description The new signing secret (whsec_…); shown only here. */
            secret: string;
            /** Format: date-time */
            previousSecretExpiresAt: string;
        };
        PingResult: {
            /** @description true when the endpoint answered 2xx. */
            delivered: boolean;
            /** @description The HTTP status the endpoint answered; null when none came back. */
            statusCode: number | null;
            durationMs: number;
            /** @description Why no answer came back (timeout, refused connection, address not allowed). */
            error: string | null;
        };
        /** @description What the registry answered one organisation about one supplier (or unit), and when. */
        StatusReceipt: {
            /** @constant */
            type: "supplier-status-receipt";
            /**
             * @description The receipt format; this README describes version 1.
             * @constant
             */
            version: 1;
            /**
             * Format: uuid
             * @description The receipt’s id; also the target of its audit log entry.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the registry issued the receipt (its clock).
             */
            issuedAt: string;
            /**
             * Format: date-time
             * @description The moment the answer holds for: for a live read, the database time of the answer (the answer’s `asOf`).
             */
            asOf: string;
            /** @description Where issuing this receipt was logged. */
            log: {
                /** @description The position of the receipt’s entry in the audit log (action status.receipt_issued). */
                position: number;
                /** @description SHA-256 (hex) of the canonical JSON of this receipt without `log`: the digest the log entry holds. */
                digest: string;
            };
            question: {
                /** @description organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The unit (verksamhet) asked about; null for the supplier as a whole. */
                unitId: string | null;
                /** @description The organisation that asked (its id); the answer is the one it was given. */
                askedBy: string;
                /**
                 * @description Why you ask: placement (before placing a child with the supplier), follow_up (uppföljning of a supplier you contract), procurement (upphandling or avrop), audit (revision).
                 * @example placement
                 * @enum {string}
                 */
                purpose: "placement" | "follow_up" | "procurement" | "audit";
                /** @description The case reference given with the question; null when none. */
                caseReference: string | null;
            };
            answer: {
                /** @enum {string} */
                status: "blocked" | "caution" | "clear";
                reasons: {
                    signalId: string;
                    /** @description The version of the signal that decided. */
                    signalVersion: number;
                    /**
                     * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
                     * @enum {string}
                     */
                    type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
                    /** @enum {string} */
                    effect: "blocked" | "caution";
                    issuerOrgId: string;
                    unitId: string | null;
                    agreementId: string | null;
                    severity: ("low" | "medium" | "high" | "critical") | null;
                    summary: string;
                    reference: string | null;
                    decisionDate: string | null;
                    /**
                     * Format: date-time
                     * @description UTC, ISO 8601 with milliseconds.
                     */
                    effectiveFrom: string;
                    effectiveUntil: string | null;
                    /** @description For a signal on a linked supplier: the links it came through, as the answer showed them; null for the supplier’s own signals. */
                    linkedThrough: {
                        linkIds: string[];
                        /** @enum {string} */
                        kind: "group" | "succession";
                        relation: string;
                        /** @description organisationsnummer, NNNNNN-NNNN. */
                        orgNumber: string;
                    } | null;
                    /** @description The supplier’s reply in force on the signal, as the answer showed it; null when it had not replied. */
                    reply?: {
                        version: number;
                        supplierOrgId: string;
                        text: string;
                        disputed: boolean;
                        /**
                         * Format: date-time
                         * @description UTC, ISO 8601 with milliseconds.
                         */
                        repliedAt: string;
                    } | null;
                }[];
                units: {
                    unitId: string;
                    /** @enum {string} */
                    status: "blocked" | "caution" | "clear";
                }[];
            };
        };
        /** @description What the registry answered one organisation about a batch of suppliers (or units), and when. */
        BatchStatusReceipt: {
            /** @constant */
            type: "supplier-status-batch-receipt";
            /**
             * @description The receipt format; this README describes version 1.
             * @constant
             */
            version: 1;
            /**
             * Format: uuid
             * @description The receipt’s id; also the target of its audit log entry.
             */
            id: string;
            /**
             * Format: date-time
             * @description When the registry issued the receipt (its clock).
             */
            issuedAt: string;
            /**
             * Format: date-time
             * @description The moment the answer holds for: for a live read, the database time of the answer (the answer’s `asOf`).
             */
            asOf: string;
            /** @description Where issuing this receipt was logged. */
            log: {
                /** @description The position of the receipt’s entry in the audit log (action status.receipt_issued). */
                position: number;
                /** @description SHA-256 (hex) of the canonical JSON of this receipt without `log`: the digest the log entry holds. */
                digest: string;
            };
            question: {
                /** @description The questions answered, in the order sent; questions answered `invalid` are not covered. */
                items: {
                    /** @description organisationsnummer, NNNNNN-NNNN. */
                    orgNumber: string;
                    unitId: string | null;
                }[];
                /** @description The organisation that asked (its id); the answer is the one it was given. */
                askedBy: string;
                /**
                 * @description Why you ask: placement (before placing a child with the supplier), follow_up (uppföljning of a supplier you contract), procurement (upphandling or avrop), audit (revision).
                 * @example placement
                 * @enum {string}
                 */
                purpose: "placement" | "follow_up" | "procurement" | "audit";
                /** @description The case reference given with the question; null when none. */
                caseReference: string | null;
            };
            answer: {
                results: {
                    /** @description organisationsnummer, NNNNNN-NNNN. */
                    orgNumber: string;
                    unitId: string | null;
                    registered: boolean;
                    /** @enum {string} */
                    status: "blocked" | "caution" | "clear" | "unknown";
                    reasons: {
                        signalId: string;
                        /** @description The version of the signal that decided. */
                        signalVersion: number;
                        /**
                         * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
                         * @enum {string}
                         */
                        type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
                        /** @enum {string} */
                        effect: "blocked" | "caution";
                        issuerOrgId: string;
                        unitId: string | null;
                        agreementId: string | null;
                        severity: ("low" | "medium" | "high" | "critical") | null;
                        summary: string;
                        reference: string | null;
                        decisionDate: string | null;
                        /**
                         * Format: date-time
                         * @description UTC, ISO 8601 with milliseconds.
                         */
                        effectiveFrom: string;
                        effectiveUntil: string | null;
                        /** @description For a signal on a linked supplier: the links it came through, as the answer showed them; null for the supplier’s own signals. */
                        linkedThrough: {
                            linkIds: string[];
                            /** @enum {string} */
                            kind: "group" | "succession";
                            relation: string;
                            /** @description organisationsnummer, NNNNNN-NNNN. */
                            orgNumber: string;
                        } | null;
                        /** @description The supplier’s reply in force on the signal, as the answer showed it; null when it had not replied. */
                        reply?: {
                            version: number;
                            supplierOrgId: string;
                            text: string;
                            disputed: boolean;
                            /**
                             * Format: date-time
                             * @description UTC, ISO 8601 with milliseconds.
                             */
                            repliedAt: string;
                        } | null;
                    }[];
                    units: {
                        unitId: string;
                        /** @enum {string} */
                        status: "blocked" | "caution" | "clear";
                    }[];
                }[];
            };
        };
        ReceiptSignature: {
            /** @constant */
            alg: "Ed25519";
            /** @description The first 16 bytes (hex) of SHA-256 over the signing key’s SubjectPublicKeyInfo (DER); find the key at /.well-known/receipt-keys. */
            keyId: string;
            /** @description base64 (RFC 4648, padded) Ed25519 signature over the UTF-8 bytes of the canonical JSON (RFC 8785) of `receipt`. */
            value: string;
        };
        /** @description Keep it as it is, in the case file; verify it with POST /v1/receipts/verify or `npm run receipt:verify`. */
        SignedStatusReceipt: {
            receipt: components["schemas"]["StatusReceipt"];
            signature: components["schemas"]["ReceiptSignature"];
        };
        /** @description Keep it as it is; verify it with POST /v1/receipts/verify or `npm run receipt:verify`. */
        SignedBatchStatusReceipt: {
            receipt: components["schemas"]["BatchStatusReceipt"];
            signature: components["schemas"]["ReceiptSignature"];
        };
        ReceiptVerification: {
            /** @description true when the signature, the key and the receipt’s log entry all check out. */
            valid: boolean;
            /**
             * @description Why it is not valid: key_unknown (not signed with a key of this registry), signature_invalid (changed after signing, or signed with another key), digest_mismatch (log.digest is not the digest of the receipt), log_entry_missing (no log entry at log.position), log_entry_differs (the entry there is not this receipt’s).
             * @enum {string}
             */
            reason?: "malformed" | "key_unknown" | "signature_invalid" | "digest_mismatch" | "log_entry_missing" | "log_entry_differs";
            /** @description The reason in words. */
            detail?: string;
            /** @description The receipt’s id, as given. */
            receiptId: string;
            /** @description The key id, as given. */
            keyId: string;
            /** @description The log position, as given. */
            logPosition: number;
        };
        ReceiptKeys: {
            keys: {
                /** @description As in a receipt’s signature.keyId. */
                keyId: string;
                /** @constant */
                alg: "Ed25519";
                /** @description SubjectPublicKeyInfo PEM; save it for `npm run receipt:verify -- --public-key`. */
                publicKey: string;
                /** @description The same key as a JWK (RFC 8037). */
                jwk: {
                    /** @constant */
                    kty: "OKP";
                    /** @constant */
                    crv: "Ed25519";
                    x: string;
                };
            }[];
        };
        /** @description A check an organisation made of a supplier and its outcome. Never edited; it changes no supplier status. */
        FollowUpRecord: {
            /**
             * Format: uuid
             * @description Record id (UUIDv7, time-ordered).
             */
            id: string;
            /**
             * @description The supplier’s organisationsnummer.
             * @example 559401-1487
             */
            supplierOrgNumber: string;
            /** @description The unit (verksamhet) that was checked, if any. */
            unitId: string | null;
            /**
             * @description The organisation that made the check.
             * @example alvby
             */
            issuerOrgId: string;
            /**
             * @description What was checked: ivo_register (IVO’s register of permits and decisions), unannounced_visit (oanmält besök), credit_check (kreditupplysning), document_review (staffing schedules, care plans and other documents), other.
             * @enum {string}
             */
            kind: "ivo_register" | "unannounced_visit" | "credit_check" | "document_review" | "other";
            /**
             * Format: date
             * @description The day the check was made.
             */
            checkedOn: string;
            /**
             * @description no_remarks: the check found nothing to remark on (utan anmärkning); deviation: it led to a deviation (avvikelse), named by deviationSignalId.
             * @enum {string}
             */
            outcome: "no_remarks" | "deviation";
            /** @description The deviation the check led to; null with no_remarks. Reading it follows the signal’s own visibility. */
            deviationSignalId: string | null;
            note: string | null;
            /**
             * @description members: every organisation; issuer_and_auditors: only the issuer and auditors, and every read is logged (deviations and financial warnings only).
             * @enum {string}
             */
            visibility: "members" | "issuer_and_auditors";
            /**
             * @description recorded, or retracted by its issuer (with a reason; then seen only by the issuer and auditors).
             * @enum {string}
             */
            status: "recorded" | "retracted";
            /** @description Why and when its issuer retracted it; null while recorded. */
            retraction: {
                reason: string;
                /** Format: date-time */
                retractedAt: string;
            } | null;
            /**
             * Format: date-time
             * @description When it was recorded.
             */
            createdAt: string;
        };
        FollowUpRecordList: {
            items: components["schemas"]["FollowUpRecord"][];
            nextCursor: string | null;
        };
        FollowUpCounts: {
            /** @description One row per month, kind and outcome that has records, by month, kind and outcome; months without records are left out. */
            items: {
                /**
                 * @description The month of the check, YYYY-MM.
                 * @example 2026-03
                 */
                month: string;
                /**
                 * @description What was checked: ivo_register (IVO’s register of permits and decisions), unannounced_visit (oanmält besök), credit_check (kreditupplysning), document_review (staffing schedules, care plans and other documents), other.
                 * @enum {string}
                 */
                kind: "ivo_register" | "unannounced_visit" | "credit_check" | "document_review" | "other";
                /**
                 * @description no_remarks: the check found nothing to remark on (utan anmärkning); deviation: it led to a deviation (avvikelse), named by deviationSignalId.
                 * @enum {string}
                 */
                outcome: "no_remarks" | "deviation";
                /** @description Records of this kind and outcome checked in this month. */
                count: number;
            }[];
            /** @description The sum of the counts: the number of records the same filters list with status=recorded. */
            total: number;
        };
        /** @description One write in the append-only, hash-chained audit log. */
        AuditEntry: {
            /** @description Place in the chain, from 1, without gaps. */
            position: number;
            /**
             * Format: date-time
             * @description When the entry was appended, inside the write’s transaction: UTC, microsecond precision; hashed as this exact text.
             */
            recordedAt: string;
            /** @description The API client (JWT sub) that made the change. */
            actorSub: string;
            /** @description The organisation the client acted for. */
            orgId: string;
            /**
             * @description What was done, as <resource>.<verb>.
             * @example signal.created
             */
            action: string;
            /**
             * @description The kind of record changed.
             * @example signal
             */
            targetType: string;
            /** @description The changed record’s id (an organisationsnummer for a supplier). */
            targetId: string;
            /** @description The request that made the change, as in the logs and in problem details. */
            requestId: string;
            /** @description SHA-256 (hex) of the canonical JSON of the change; hold the change to prove what was written. */
            digest: string;
            /** @description The hash of the entry before; 64 zeros for the first entry. */
            prevHash: string;
            /** @description SHA-256 (hex) of prevHash ‖ the canonical JSON of the entry without the hashes: altering or removing an entry changes every hash after it. */
            hash: string;
        };
        /** @description Keep the heads you fetch: they let you prove later that nothing was removed. */
        SignedHead: {
            /** @description How many entries the head covers: the position of the last one. */
            length: number;
            /** @description The hash of entry `length`. */
            headHash: string;
            /**
             * Format: date-time
             * @description When the head was signed (ISO 8601, UTC).
             */
            signedAt: string;
            /** @description base64 Ed25519 over the canonical JSON of {headHash, length, signedAt}. */
            signature: string;
            /** @description SPKI PEM of the key that signed. */
            publicKey: string;
        };
        AuditVerification: {
            /** @description true when every entry and every signed head matches. */
            ok: boolean;
            /** @description How many entries were recomputed. */
            checked: number;
            /** @description The first position that does not match, when ok is false. */
            brokenAt?: number;
            /** @description What does not match, when ok is false. */
            reason?: string;
            /** @description How many signed heads were checked against the chain. */
            headsChecked: number;
            /** @description How many signed checkpoints’ roots were recomputed from the entries (when verifying from position 1). */
            checkpointsChecked: number;
            /** @description How many signals’ rows were checked against their version history (always all of them, whatever from..to). */
            signalsChecked: number;
            /** @description Signals whose row is not what their history says, by id, at most 100: a change made behind the application’s back. Any makes ok false. */
            signalsDiffering: {
                /** Format: uuid */
                signalId: string;
                /** @description The version number the row holds. */
                version: number;
                /** @description The number of its latest version in the history; null when it has none. */
                latestVersion: number | null;
                /** @description What differs: a column of the row that is not as its latest version has it (e.g. status), its type, supplier or issuer not as its events carry them, expired_version before its period ended, or no_version. */
                fields: string[];
            }[];
        };
        /** @description One version of a supplier record (name and units). */
        SupplierVersion: {
            /** @description From 1, without gaps. */
            version: number;
            /**
             * @description created: registered; updated: its name or units changed.
             * @enum {string}
             */
            change: "created" | "updated";
            /** @description The supplier’s name in this version. */
            name: string;
            /** @description Its units (verksamheter) in this version. */
            units: {
                /** Format: uuid */
                id: string;
                name: string;
                kind: string | null;
            }[];
            /** @description Why it was changed, as the changer gave it. */
            reason: string | null;
            /** @description The organisation that made the change. */
            orgId: string;
            /** @description The API client (JWT sub) that made the change. */
            actorSub: string;
            /** Format: date-time */
            createdAt: string;
        };
        SupplierHistory: {
            /** @description The supplier’s organisationsnummer, NNNNNN-NNNN. */
            orgNumber: string;
            /** @description Every version of the supplier record (name and units), oldest first: who changed it, when and why. */
            versions: components["schemas"]["SupplierVersion"][];
            /** @description Every link to another supplier it ever had, oldest first, ended ones included: drawn (createdAt, by whom, why) and ended (endedAt, by whom, why). The links in force at a moment t are those with createdAt ≤ t and endedAt null or after t. */
            links: {
                /**
                 * Format: uuid
                 * @description The link id; end it with POST /v1/supplier-links/{id}/end.
                 */
                id: string;
                /**
                 * @description group: fromOrgNumber is the parent company (moderbolag), toOrgNumber its subsidiary (dotterbolag); succession: toOrgNumber took over the operation of fromOrgNumber (predecessor → successor).
                 * @enum {string}
                 */
                kind: "group" | "succession";
                /** @description group: the parent company; succession: the predecessor. */
                from: {
                    /** @description organisationsnummer, NNNNNN-NNNN. */
                    orgNumber: string;
                    /** @description The supplier’s current name. */
                    name: string;
                    /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
                    soleTrader: boolean;
                };
                /** @description group: the subsidiary; succession: the successor. */
                to: {
                    /** @description organisationsnummer, NNNNNN-NNNN. */
                    orgNumber: string;
                    /** @description The supplier’s current name. */
                    name: string;
                    /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
                    soleTrader: boolean;
                };
                /** @description Why the suppliers were linked, as the organisation that linked them gave it. */
                reason: string;
                /** @description The organisation that drew the link; it (or the operator) may end it. */
                createdByOrgId: string;
                /** Format: date-time */
                createdAt: string;
                /** @description When the link was ended; null while it is active. An ended link stays in the history. */
                endedAt: string | null;
                /** @description The organisation that ended it. */
                endedByOrgId: string | null;
                /** @description Why it was ended. */
                endReason: string | null;
                /** @description The API client (JWT sub) that drew the link. */
                createdBy: string;
                /** @description The API client (JWT sub) that ended it. */
                endedBy: string | null;
            }[];
            /** @description Every signal about the supplier with its versions, by the rule every route applies: auditors read all, retracted and issuer_and_auditors ones included; the operator reads what GET /v1/signals/{id} and its versions show it. */
            signals: {
                signal: components["schemas"]["Signal"];
                versions: {
                    /** @description 1 for the signal as created, then one more per change. */
                    version: number;
                    /**
                     * @description What made this version.
                     * @enum {string}
                     */
                    change: "created" | "amended" | "lifted" | "retracted";
                    /** @description Why the change was made; null for the created version. */
                    reason: string | null;
                    /**
                     * @description The stored status after the change (scheduled and expired are only computed on read).
                     * @enum {string}
                     */
                    status: "active" | "lifted" | "retracted";
                    /**
                     * @description members: every organisation; issuer_and_auditors: only the issuer and auditors, and every read is logged (deviations and financial warnings only).
                     * @enum {string}
                     */
                    visibility: "members" | "issuer_and_auditors";
                    severity: ("low" | "medium" | "high" | "critical") | null;
                    category: ("staffing" | "premises" | "care_plan" | "reporting" | "whistleblower_freedom" | "substances" | "safety" | "finances" | "other") | null;
                    summary: string;
                    details: string | null;
                    reference: string | null;
                    /** @description For IVO decisions, the date IVO decided (YYYY-MM-DD). */
                    decisionDate: string | null;
                    ground: ("quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other") | null;
                    terminationKind: ("notice" | "rescission") | null;
                    recipientOrgId: string | null;
                    /** @description As far as you may read them. */
                    relatedSignalIds: string[];
                    unitId: string | null;
                    agreementId: string | null;
                    /** Format: date-time */
                    effectiveFrom: string;
                    effectiveUntil: string | null;
                    /** @description The organisation that made the change (always the issuer). */
                    actorOrgId: string;
                    /**
                     * Format: date-time
                     * @description When the change was made.
                     */
                    createdAt: string;
                    /** @description The API client (JWT sub) that made the change. */
                    actorSub: string;
                }[];
                /** @description Every version of the supplier’s reply to the signal, oldest first (README, "The supplier’s reply"). */
                replies: {
                    /** @description 1 for the first reply; each change adds one (GET /v1/signals/{id}/replies lists them all). */
                    version: number;
                    /** @description The supplier organisation that replied: the one the operator linked to the signal’s organisation number. */
                    supplierOrgId: string;
                    /** @description What the supplier says about the signal. */
                    text: string;
                    /** @description true when the supplier disputes what the signal says (bestrider). */
                    disputed: boolean;
                    /**
                     * Format: date-time
                     * @description When this version of the reply was made.
                     */
                    repliedAt: string;
                    /** @description The supplier’s API client (JWT sub) that made the reply. */
                    actorSub: string;
                }[];
            }[];
            /** @description Every follow-up record about the supplier, oldest first, by the rule for signals: auditors read all, retracted and issuer_and_auditors ones included; the operator the members-visible ones not retracted. */
            followUps: components["schemas"]["FollowUpRecord"][];
        };
        /** @description A signed checkpoint of the Merkle audit log (C2SP tlog-checkpoint), with the cosignatures witnesses posted. */
        AuditCheckpoint: {
            /** @description Tree size: the checkpoint covers the entries at positions 1..size (leaves 0..size−1). */
            size: number;
            /** @description The RFC 9162 root hash (MTH) of the tree of this size, base64, as on the checkpoint’s third line. */
            rootHash: string;
            /**
             * Format: date-time
             * @description When the registry signed it (not part of the signed text).
             */
            signedAt: string;
            /** @description The registry’s checkpoint key as a signed-note verifier key: <origin>+<hex key id>+<base64(0x01 ‖ Ed25519 public key)>. Get it once, out of band too, and check every checkpoint with it. */
            verifierKey: string;
            /** @description The checkpoint as a C2SP signed note: origin line, tree size, base64 root hash, a blank line, the registry’s signature line `— <origin> <base64(key id ‖ Ed25519 signature)>`, then one line per witness cosignature (C2SP tlog-cosignature). Keep this text: it is what `npm run audit:verify` checks. */
            checkpoint: string;
            /** @description Witness cosignatures of this checkpoint, oldest first. */
            cosignatures: {
                /** @description The witness’s name (its key name). */
                witness: string;
                /** @description The cosignature’s POSIX timestamp, as signed. */
                timestamp: number;
                /** @description The cosignature line as it appears in `checkpoint`. */
                line: string;
                /** Format: date-time */
                receivedAt: string;
            }[];
        };
        /** @description An RFC 9162 inclusion proof of one audit entry against a signed checkpoint. */
        AuditInclusionProof: {
            /** @description The entry’s position (from 1). */
            position: number;
            /** @description Its leaf index in the tree: position − 1. */
            leafIndex: number;
            /** @description The size of the checkpoint the proof is against. */
            treeSize: number;
            /** @description SHA-256(0x00 ‖ leaf bytes); the leaf bytes are the UTF-8 canonical JSON (keys sorted, no spaces) of `entry`. */
            leafHash: string;
            entry: components["schemas"]["AuditEntry"];
            /** @description The audit path PATH(leafIndex, D[treeSize]) of RFC 9162 section 2.1.3.1, leaf side first. */
            proof: string[];
            /** @description The signed checkpoint of treeSize (as GET /v1/audit/checkpoints/{size} serves it). */
            checkpoint: string;
        };
        /** @description An RFC 9162 consistency proof: the tree of size `to` extends the tree of size `from`. */
        AuditConsistencyProof: {
            from: number;
            to: number;
            /** @description PROOF(from, D[to]) of RFC 9162 section 2.1.4.1; empty when from = to. */
            proof: string[];
            /** @description The signed checkpoint of size from. */
            fromCheckpoint: string;
            /** @description The signed checkpoint of size to. */
            toCheckpoint: string;
        };
        AuditWitness: {
            /** @description The witness’s key name, as in its cosignature lines. */
            name: string;
            /** @description The auditor organisation that registered it and may cosign with it. */
            orgId: string;
            /** @description The raw Ed25519 public key, base64 (32 bytes). */
            publicKey: string;
            /** @description The same key as a signed-note verifier key: <name>+<hex key id>+<base64(0x04 ‖ key)> (signature type 0x04, tlog-cosignature); pass it to `npm run audit:verify -- --witness-key`. */
            verifierKey: string;
            /** Format: date-time */
            createdAt: string;
        };
        Delivery: {
            /**
             * Format: uuid
             * @description Delivery id (UUIDv7): one event to one subscription.
             */
            id: string;
            /** Format: uuid */
            subscriptionId: string;
            /** @description The event’s position in the event feed (GET /v1/events). */
            eventSeq: number;
            /**
             * Format: uuid
             * @description The webhook-id the endpoint received.
             */
            eventId: string;
            /**
             * @description What happened to the signal; the type field of the webhook body.
             * @enum {string}
             */
            eventType: "signal.created" | "signal.amended" | "signal.lifted" | "signal.retracted" | "signal.expired" | "signal.took_effect" | "signal.replied" | "subscription.failing" | "subscription.disabled" | "supplier.updated" | "supplier.linked" | "supplier.unlinked";
            /**
             * @description pending: an attempt is due or scheduled; succeeded: a 2xx came back; failed: attempts used up, 410, or the subscription stopped.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /** @description Attempts made so far. */
            attempts: number;
            /** @description When the next attempt is due; null when none is. */
            nextAttemptAt: string | null;
            /** @description What the endpoint answered at the last attempt. */
            lastStatusCode: number | null;
            /** @description Why the last attempt got no answer, if it did not. */
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            succeededAt: string | null;
        };
        DeliveryAttempt: {
            /** @description 1 for the first attempt. */
            attempt: number;
            /** Format: date-time */
            startedAt: string;
            durationMs: number;
            /** @description What the endpoint answered; null when no answer came back. */
            statusCode: number | null;
            /** @description Timeout, refused connection, address not allowed … */
            error: string | null;
            /** @description When the retry this attempt scheduled is due; null when none was. */
            nextAttemptAt: string | null;
        };
        DeliveryWithAttempts: {
            /**
             * Format: uuid
             * @description Delivery id (UUIDv7): one event to one subscription.
             */
            id: string;
            /** Format: uuid */
            subscriptionId: string;
            /** @description The event’s position in the event feed (GET /v1/events). */
            eventSeq: number;
            /**
             * Format: uuid
             * @description The webhook-id the endpoint received.
             */
            eventId: string;
            /**
             * @description What happened to the signal; the type field of the webhook body.
             * @enum {string}
             */
            eventType: "signal.created" | "signal.amended" | "signal.lifted" | "signal.retracted" | "signal.expired" | "signal.took_effect" | "signal.replied" | "subscription.failing" | "subscription.disabled" | "supplier.updated" | "supplier.linked" | "supplier.unlinked";
            /**
             * @description pending: an attempt is due or scheduled; succeeded: a 2xx came back; failed: attempts used up, 410, or the subscription stopped.
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /** @description Attempts made so far. */
            attempts: number;
            /** @description When the next attempt is due; null when none is. */
            nextAttemptAt: string | null;
            /** @description What the endpoint answered at the last attempt. */
            lastStatusCode: number | null;
            /** @description Why the last attempt got no answer, if it did not. */
            lastError: string | null;
            /** Format: date-time */
            createdAt: string;
            succeededAt: string | null;
            attemptLog: components["schemas"]["DeliveryAttempt"][];
        };
        ReplayResult: {
            queued: number;
            /** @description true when more events exist than one replay takes; replay again from the last one. */
            truncated: boolean;
        };
        RedeliverResult: {
            /** Format: uuid */
            id: string;
            /** @constant */
            status: "pending";
        };
        WebhookKey: {
            /** @description Key id: the RFC 7638 JWK thumbprint of the public key, as `webhook-key-id` names it. */
            kid: string;
            /** @constant */
            kty: "OKP";
            /** @constant */
            crv: "Ed25519";
            /** @constant */
            alg: "EdDSA";
            /** @constant */
            use: "sig";
            /** @description The raw 32-byte public key, base64url (RFC 8037). */
            x: string;
            /** @description The same public key as Standard Webhooks serialises it: `whpk_` + base64 of the 32 bytes. */
            publicKey: string;
            /**
             * @description next: published, signs from validFrom; current: signs every v1a delivery; previous: still signs beside the current key until signsUntil; retired: signs no more, listed so that what it signed can be checked.
             * @enum {string}
             */
            status: "next" | "current" | "previous" | "retired";
            /**
             * Format: date-time
             * @description Signs from this moment on.
             */
            validFrom: string;
            /** @description When its successor took (or takes) over; null for the key without a successor. */
            retiredAt: string | null;
            /** @description The last moment it signs (the end of the overlap); a genuine signature by this key has a webhook-timestamp between validFrom and signsUntil. */
            signsUntil: string | null;
        };
        /** @description A JWK Set (RFC 7517) of the registry’s Ed25519 webhook keys, with the Standard Webhooks `whpk_` form and each key’s validity beside the JWK members. */
        WebhookKeySet: {
            /** @description Every key the registry has signed webhooks with, newest first. Keys are never removed. */
            keys: components["schemas"]["WebhookKey"][];
        };
        RotatedWebhookKey: {
            /** @description The new key: published now, signing from validFrom. */
            key: components["schemas"]["WebhookKey"];
            /** @description The key it replaces: retired at the new key’s validFrom, signing beside it until signsUntil, listed for good. */
            previous: components["schemas"]["WebhookKey"] | null;
        };
        OrganisationReach: {
            organisationId: string;
            name: string;
            /** @enum {string} */
            kind: "municipality" | "purchasing_centre" | "federation" | "auditor" | "operator" | "supplier";
            /**
             * @description delivered: a 2xx came back from one of the organisation’s endpoints; pending: queued, first attempt not made yet (or the event is still in the outbox); failing: attempts failed and are retried, the endpoint is failing, gave up, or the subscription is paused or deleted; not_sent: a matching active subscription exists but was created or changed after the event went out (a replay sends it); no_subscription: no active subscription of the organisation matches the event.
             * @enum {string}
             */
            state: "delivered" | "pending" | "failing" | "not_sent" | "no_subscription";
            /** @description When the first of the organisation’s endpoints answered 2xx. */
            deliveredAt: string | null;
            /** @description When the failing endpoint’s current run of failures began (subscription failingSince). */
            failingSince: string | null;
            /** @description What the failing endpoint last answered or why no answer came back. */
            lastError: string | null;
            /** @description Attempts made so far (the most of any of its endpoints). */
            attempts: number;
        };
        SignalReach: {
            /** Format: uuid */
            signalId: string;
            /** @description The signal’s latest event, the one this report is about. */
            event: {
                seq: number;
                /**
                 * Format: uuid
                 * @description The webhook-id receivers got.
                 */
                id: string;
                /** @enum {string} */
                type: "signal.created" | "signal.amended" | "signal.lifted" | "signal.retracted" | "signal.expired" | "signal.took_effect" | "signal.replied" | "subscription.failing" | "subscription.disabled" | "supplier.updated" | "supplier.linked" | "supplier.unlinked";
                /** Format: date-time */
                createdAt: string;
                /** @description When the relay matched it against the subscriptions; null while it waits in the outbox. */
                relayedAt: string | null;
            };
            /** @description How many listed organisations are in each state; total is the number listed. */
            counts: {
                total: number;
                delivered: number;
                pending: number;
                failing: number;
                not_sent: number;
                no_subscription: number;
            };
            /** @description Every municipality, federation and purchasing centre in the registry except the issuer, by organisation id. */
            organisations: components["schemas"]["OrganisationReach"][];
        };
        Organisation: {
            /** @description Organisation id (a stable slug); the `org` claim of its tokens. */
            id: string;
            /**
             * @description municipality (kommun), purchasing_centre (inköpscentral, e.g. Adda), federation (kommunförbund), auditor (revisor, IVO liaison), operator, supplier (a care supplier answering for its own organisation numbers: it reads the members-visible signals about them and replies; README, "The supplier’s reply").
             * @enum {string}
             */
            kind: "municipality" | "purchasing_centre" | "federation" | "auditor" | "operator" | "supplier";
            name: string;
            /** @description kommunkod, for a municipality. */
            municipalityCode: string | null;
            /** @description The federation (kommunförbund) a municipality belongs to now; changed by the operator, with its history at GET /v1/organisations/{id}/federation-history. */
            federationId: string | null;
            /**
             * Format: date-time
             * @description When it was registered; its tokens must have been issued after this (iat).
             */
            createdAt: string;
            /** @description Set while the operator has suspended the organisation: its tokens are refused and its subscriptions receive nothing. */
            suspendedAt: string | null;
        };
        RevokedClient: {
            /** @description The organisation the client acts for. */
            orgId: string;
            /** @description The revoked client id (JWT sub; a personnummer is shown as its pseudonym). */
            sub: string;
            reason: string;
            /** @description The operator client (JWT sub) that revoked it. */
            revokedBy: string;
            /**
             * Format: date-time
             * @description From this moment every token of the client is refused.
             */
            revokedAt: string;
        };
        FederationMembershipPeriod: {
            /** Format: uuid */
            id: string;
            municipalityId: string;
            /** @description The federation the municipality belonged to during the period. */
            federationId: string;
            /**
             * Format: date-time
             * @description When the period began (the database’s clock): the registration, a join or a move.
             */
            from: string;
            /** @description When it ended (a move or a leave); null for the current period. */
            until: string | null;
            /** @description The API client (JWT sub) that began the period; `migration:0021` for a period from before the history was kept. */
            changedBy: string;
            /** @description Why it began. */
            reason: string;
            /** @description The API client (JWT sub) that ended it. */
            endedBy: string | null;
            /** @description Why it ended. */
            endReason: string | null;
        };
        FederationChange: {
            /** @description The municipality as it is now: its federationId is the new federation, or null. */
            organisation: components["schemas"]["Organisation"];
            /** @description The period this change ended (a move or a leave); null for a join. */
            ended: components["schemas"]["FederationMembershipPeriod"] | null;
            /** @description The period this change began (a join or a move); null for a leave. */
            began: components["schemas"]["FederationMembershipPeriod"] | null;
        };
        FederationMembershipHistory: {
            municipalityId: string;
            /** @description Its federation now (null: none). */
            federationId: string | null;
            /** @description Every period it belonged to a federation, oldest first; gaps are times it belonged to none. */
            items: components["schemas"]["FederationMembershipPeriod"][];
        };
        FederationMembers: {
            federationId: string;
            /** @description The municipalities that belong to the federation now, by id. */
            items: {
                municipalityId: string;
                name: string;
                /** @description kommunkod. */
                municipalityCode: string | null;
                /**
                 * Format: date-time
                 * @description When its current period in this federation began.
                 */
                since: string;
                /** @description The API client (JWT sub) that began the period. */
                changedBy: string;
                reason: string;
            }[];
        };
        /** @description One live signal that decides the status. */
        StatusReason: {
            /**
             * Format: uuid
             * @description The signal; read it with GET /v1/signals/{id}.
             */
            signalId: string;
            /** @description The version of the signal whose facts these are (GET /v1/signals/{id}/versions): the current one, or in an answer as of a past moment the one in force then. */
            signalVersion: number;
            /**
             * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
             * @enum {string}
             */
            type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
            /**
             * @description What this signal means for you: blocked when it applies to you (a stop or termination from a purchasing centre, your federation or yourself, or a revoked permit), caution otherwise.
             * @enum {string}
             */
            effect: "blocked" | "caution";
            /** @description The organisation that issued the signal. */
            issuerOrgId: string;
            /** @description The unit (verksamhet) it names; null when it is about the whole supplier. */
            unitId: string | null;
            /** @description The framework agreement (ramavtal) it acts under, if any. */
            agreementId: string | null;
            /** @description For a deviation (avvikelse): high or critical; null for other types. */
            severity: ("low" | "medium" | "high" | "critical") | null;
            /** @description The signal’s summary. */
            summary: string;
            /** @description Its case reference: for an IVO injunction or revoked permit, IVO’s diarienummer (e.g. 3.5.1-12345/2023), to find the decision at IVO. */
            reference: string | null;
            /** @description For an IVO injunction or revoked permit, the date IVO decided (YYYY-MM-DD); null for other types and for decisions recorded before the registry asked for it. */
            decisionDate: string | null;
            /** Format: date-time */
            effectiveFrom: string;
            /** @description When it stops applying; null when open-ended. */
            effectiveUntil: string | null;
            /** @description Set when the signal is about a linked supplier (README, "Linked suppliers"): a stop, termination or revoked permit there that would block you makes this supplier `caution`, never `blocked`; null for the supplier’s own signals. */
            linkedThrough: {
                /** @description The active links it comes through (GET /v1/supplier-links/{id}): one, or two for a sister company — the link to the common parent, then the parent’s link to the sister. */
                linkIds: string[];
                /** @enum {string} */
                kind: "group" | "succession";
                /**
                 * @description What the linked supplier is to the one asked about: its parent company, a subsidiary, a sister company (same parent), or the predecessor whose operation it took over.
                 * @enum {string}
                 */
                relation: "parent" | "subsidiary" | "sister" | "predecessor";
                /** @description The linked supplier the signal is about, NNNNNN-NNNN. */
                orgNumber: string;
            } | null;
            /** @description The reply in force of the supplier the signal is about (README, "The supplier’s reply"): what it says, and `disputed` when it disputes the signal; as of a past moment, the reply in force then. It changes no status. Null when it has not replied. */
            reply: components["schemas"]["SignalReply"] | null;
        };
        /** @description May the calling organisation place a child with this supplier now? */
        SupplierStatus: {
            /**
             * @description The supplier’s organisationsnummer, NNNNNN-NNNN.
             * @example 559001-0004
             */
            orgNumber: string;
            /** @description The unit (verksamhet) the answer is for, as asked with unitId; null when it is for the supplier as a whole. */
            unitId: string | null;
            /**
             * @description Without unitId: the answer for the supplier as a whole — blocked only by a supplier-wide signal; a signal naming one unit makes it at most caution (see `units` for the blocked unit). With unitId: the answer for placing in that unit — blocked when the unit or the supplier as a whole is blocked for you; other units’ signals make it at most caution.
             * @enum {string}
             */
            status: "blocked" | "caution" | "clear";
            /** @description The signals that decide the status, newest first; empty when clear. */
            reasons: components["schemas"]["StatusReason"][];
            /** @description Units (verksamheter) named by a live signal, with their own status. */
            units: {
                /**
                 * Format: uuid
                 * @description The unit (verksamhet).
                 */
                unitId: string;
                /**
                 * @description The unit’s own status: its signals, and never better than the supplier-wide ones.
                 * @enum {string}
                 */
                status: "blocked" | "caution" | "clear";
            }[];
            /**
             * Format: date-time
             * @description The database time the answer holds for; a later stop may change it, so ask again before each placement. In an answer as of a past moment, the moment asked about.
             */
            asOf: string;
            /** @description In an answer as of a past moment: the organisation whose answer it is (asOrganisation, or the caller). Absent from the answer now, which is always the caller’s. */
            asOrganisation?: string;
            /** @description With receipt=true: the signed receipt over this question and answer; keep it as it is. */
            receipt?: components["schemas"]["SignedStatusReceipt"];
        };
        SupplierStatusBatch: {
            /** @description One answer per distinct question, in the order sent. */
            results: {
                /** @description organisationsnummer, NNNNNN-NNNN; as sent when it is invalid. */
                orgNumber: string;
                /** @description The unit (verksamhet) the answer is for, as asked with unitId; null when it is for the supplier as a whole. */
                unitId: string | null;
                /** @description false when no such supplier is registered (or the number is invalid). */
                registered: boolean;
                /**
                 * @description blocked: do not place; caution: read the reasons first; clear: no live signal; unknown: no such supplier is registered; invalid: the question could not be asked (see `problem`). blocked, caution and clear mean what they mean in GET /v1/suppliers/{orgNumber}/status, for the supplier as a whole or, with unitId, for placing in that unit.
                 * @enum {string}
                 */
                status: "blocked" | "caution" | "clear" | "unknown" | "invalid";
                /** @description The signals that decide the status, newest first. */
                reasons: components["schemas"]["StatusReason"][];
                /** @description Units (verksamheter) named by a live signal, with their own status. */
                units: {
                    /**
                     * Format: uuid
                     * @description The unit (verksamhet).
                     */
                    unitId: string;
                    /**
                     * @description The unit’s own status: its signals, and never better than the supplier-wide ones.
                     * @enum {string}
                     */
                    status: "blocked" | "caution" | "clear";
                }[];
                /** @description Why an `invalid` question could not be answered. */
                problem?: {
                    /** @description input.invalid_org_number, input.invalid_unit_id or suppliers.unit_not_found. */
                    code: string;
                    /** @description What is wrong with it. */
                    detail: string;
                };
            }[];
            /**
             * Format: date-time
             * @description The database time of the answer; in an answer as of a past moment, the moment asked about.
             */
            asOf: string;
            /** @description In an answer as of a past moment: the organisation whose answer it is (asOrganisation, or the caller). Absent from the answer now, which is always the caller’s. */
            asOrganisation?: string;
            /** @description When the body asked for one: one signed receipt over the whole batch; keep it as it is. */
            receipt?: components["schemas"]["SignedBatchStatusReceipt"];
        };
        FlaggedSuppliers: {
            /** @description The suppliers that are blocked or caution for you, by organisation number. */
            items: {
                /** @description The supplier’s organisationsnummer, NNNNNN-NNNN. */
                orgNumber: string;
                /** @description The supplier’s current name. */
                name: string;
                /**
                 * @description Its status for you, as GET /v1/suppliers/{orgNumber}/status answers for the supplier as a whole.
                 * @enum {string}
                 */
                status: "blocked" | "caution";
                /** @description The signals that decide the status, newest first. */
                reasons: components["schemas"]["StatusReason"][];
                /** @description Units (verksamheter) named by a live signal, with their own status. */
                units: {
                    /**
                     * Format: uuid
                     * @description The unit (verksamhet).
                     */
                    unitId: string;
                    /**
                     * @description The unit’s own status: its signals, and never better than the supplier-wide ones.
                     * @enum {string}
                     */
                    status: "blocked" | "caution" | "clear";
                }[];
            }[];
            nextCursor: string | null;
            /**
             * Format: date-time
             * @description The database time the first of the page’s signals were read at; ask again before each placement.
             */
            asOf: string;
        };
        /** @description A unit (verksamhet) of a supplier, e.g. one home. */
        SupplierUnit: {
            /**
             * Format: uuid
             * @description Unit id; name it in a signal’s unitId.
             */
            id: string;
            name: string;
            kind: string | null;
            /** @description Names the unit carried before, oldest first; name search finds it under them. */
            formerNames: string[];
        };
        Supplier: {
            /**
             * @description organisationsnummer, NNNNNN-NNNN.
             * @example 559001-0004
             */
            orgNumber: string;
            name: string;
            /** @description true for a sole trader (enskild firma), whose number is a personnummer; reads are logged. */
            soleTrader: boolean;
            /** @description Names the supplier carried before, oldest first; name search finds it under them. */
            formerNames: string[];
            /** @description Units (verksamheter). */
            units: components["schemas"]["SupplierUnit"][];
            /** @description The organisation that registered it; with the owners of the agreements it is party to and the operator, it may change the name and units. */
            registeredByOrgId: string;
            /** @description The record’s version; each change of name or units is a new one, in the supplier’s history. */
            version: number;
            /** @description Its active links to other suppliers (group, succession), oldest first; a block on a linked supplier makes this one `caution` (README, "Linked suppliers"). Ended links are in its history. */
            links: components["schemas"]["SupplierLinkOfSupplier"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
    };
    responses: {
        /** @description Content Too Large: the body is over the size limit (`input.too_large`). */
        ContentTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description URI Too Long: a path parameter is over 100 characters (`input.uri_too_long`). */
        UriTooLong: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Unsupported Media Type: send the body as `application/json` (`input.unsupported_media_type`). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too Many Requests: over your organisation’s per-minute budget (`rate_limit.exceeded`); retry after `Retry-After` seconds. */
        TooManyRequests: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Retry-After": components["headers"]["Retry-After"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Internal Server Error: our failure; the body carries no internals, the log has them under the request id (`internal.error`). */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /**
         * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
         * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
         */
        "Idempotency-Key": string;
    };
    requestBodies: never;
    headers: {
        /** @description The request id: the `X-Request-Id` you sent when it is 1–64 of `A–Z a–z 0–9 . _ -` and no personnummer, a fresh UUID otherwise. It is in the log and in every audit entry the request caused. */
        "X-Request-Id": string;
        /** @description Seconds to wait before trying again. */
        "Retry-After": number;
        /** @description Your organisation’s budget per minute for this kind of request (reads or writes). */
        "X-RateLimit-Limit": number;
        /** @description What is left of that budget in this minute. */
        "X-RateLimit-Remaining": number;
        /** @description Seconds until the budget is whole again. */
        "X-RateLimit-Reset": number;
        /** @description Where the created resource is read. */
        Location: string;
        /** @description `true` when this is the answer kept under your Idempotency-Key, replayed without doing the request again. */
        "Idempotent-Replayed": "true";
        /**
         * @description The bearer challenge (RFC 6750).
         * @example Bearer realm="supplier-signal-registry"
         */
        "WWW-Authenticate": string;
        /** @description RFC 8288 `rel="next"`: the next page, when there is one. */
        Link: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    healthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        checks?: {
                            [key: string]: "ok";
                        };
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    readyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {string} */
                        status: "ok";
                        checks?: {
                            [key: string]: "ok";
                        };
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description Service Unavailable: a dependency does not answer; retry shortly. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getProblemType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The error code explained. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                    "application/json": components["schemas"]["ProblemPage"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            500: components["responses"]["InternalError"];
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description By id. */
                        items: components["schemas"]["Organisation"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Organisation id (a stable slug).
                     * @example demo-inkop
                     */
                    id: string;
                    /**
                     * @description municipality (kommun), purchasing_centre (inköpscentral, e.g. Adda), federation (kommunförbund), auditor (revisor, IVO liaison), operator, supplier (a care supplier answering for its own organisation numbers: it reads the members-visible signals about them and replies; README, "The supplier’s reply").
                     * @enum {string}
                     */
                    kind: "municipality" | "purchasing_centre" | "federation" | "auditor" | "operator" | "supplier";
                    /** @description The organisation’s name as its users know it. */
                    name: string;
                    /**
                     * @description kommunkod, four digits; required for a municipality.
                     * @example 2281
                     */
                    municipalityCode?: string;
                    /**
                     * @description The federation (kommunförbund) a municipality belongs to.
                     * @example demo-inkop
                     */
                    federationId?: string;
                };
            };
        };
        responses: {
            /** @description The organisation as registered. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    suspendOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why; kept in the audit log. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    resumeOrganisation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why; kept in the audit log. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Organisation"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listRevokedClients: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["RevokedClient"][];
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    revokeClient: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The API client id: the `sub` claim of its tokens. A `sub` that is a personnummer is kept, here as everywhere, as its keyed pseudonym (`pseudonym:…`), never in clear. */
                    sub: string;
                    /** @description Why; kept in the audit log. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedClient"];
                };
            };
            /** @description The revocation, made now. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RevokedClient"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    changeFederation: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The federation (kommunförbund) the municipality belongs to from now on; null: it leaves its federation and belongs to none. */
                    federationId: string | null;
                    /** @description Why; kept in the membership history and the audit log. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FederationChange"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getFederationHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FederationMembershipHistory"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listFederationMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FederationMembers"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked). */
                orgNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The supplier with its units. */
            200: {
                headers: {
                    /** @description The supplier’s version as a strong entity tag, e.g. `"3"` for version 3 (the same number as `version` in the body); send it back in If-Match to change the supplier only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    putSupplier: {
        parameters: {
            query?: never;
            header?: {
                /** @description Make the change only while the supplier record is still at the version this names: its ETag, e.g. `"3"` for version 3, or `*` for any. A stale one answers 412 and changes nothing; without If-Match the change is made whatever the current version. */
                "if-match"?: string;
            };
            path: {
                /** @description Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked). */
                orgNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description The supplier’s registered company name.
                     * @example Exempelgården Omsorg AB
                     */
                    name: string;
                    /** @description true when the number is a personnummer (enskild firma); required for such numbers. */
                    soleTrader?: boolean;
                    /** @description Units (verksamheter) to add or update; units not listed are kept. */
                    units?: {
                        /**
                         * Format: uuid
                         * @description Id of an existing unit to update; omit to add (matched by name).
                         */
                        id?: string;
                        /** @description Name of the unit (verksamhet), e.g. the home. */
                        name: string;
                        /** @description Kind of unit, e.g. hvb, family_home, supported_housing. */
                        kind?: string;
                    }[];
                    /** @description Why the record is changed; required when it changes a registered supplier’s name or units, kept in its history and sent in the supplier.updated event. */
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The supplier as it stands: changed, or unchanged when the PUT changed nothing. */
            200: {
                headers: {
                    /** @description The supplier’s version as a strong entity tag, e.g. `"3"` for version 3 (the same number as `version` in the body); send it back in If-Match to change the supplier only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description The supplier as registered, version 1. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    /** @description The supplier’s version as a strong entity tag, e.g. `"3"` for version 3 (the same number as `version` in the body); send it back in If-Match to change the supplier only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Supplier"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the If-Match header names a version that is no longer current (`*.version_mismatch`); read the resource again and retry with its ETag. */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listSuppliers: {
        parameters: {
            query?: {
                /** @description Name search over the current and former names of suppliers and their units, tolerant of case, accents (Harnosand finds Härnösand) and small typos; best match first. At most 64 characters. */
                q?: string;
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Supplier"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createSupplierLink: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description group: fromOrgNumber is the parent company (moderbolag), toOrgNumber its subsidiary (dotterbolag); succession: toOrgNumber took over the operation of fromOrgNumber (predecessor → successor).
                     * @enum {string}
                     */
                    kind: "group" | "succession";
                    /**
                     * @description group: the parent company; succession: the predecessor. A registered supplier.
                     * @example 559001-0004
                     */
                    fromOrgNumber: string;
                    /**
                     * @description group: the subsidiary; succession: the successor, which took over the operation. A registered supplier.
                     * @example 559001-0004
                     */
                    toOrgNumber: string;
                    /** @description Why the suppliers are linked, e.g. where it is recorded (Bolagsverket, an IVO decision); kept in both suppliers’ history and sent in the supplier.linked event. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The link as recorded. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierLink"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getSupplierLink: {
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
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierLink"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    endSupplierLink: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the link ends (e.g. the subsidiary was sold); kept in both suppliers’ history and sent in the supplier.unlinked event. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierLink"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listAgreements: {
        parameters: {
            query?: {
                /** @description Only agreements this organisation owns. */
                owner?: string;
                /** @description Service category of the framework agreement (ramavtal). */
                category?: "hvb_children" | "family_home_agency" | "supported_housing_adults" | "supported_housing_youth" | "protected_housing" | "hvb_adults_substance" | "gambling_addiction";
                /** @description Only agreements this supplier is a party to. */
                supplier?: string;
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Agreement"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createAgreement: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Name of the framework agreement (ramavtal).
                     * @example HVB barn och unga 2026
                     */
                    name: string;
                    /**
                     * @description Service category of the framework agreement (ramavtal).
                     * @enum {string}
                     */
                    category: "hvb_children" | "family_home_agency" | "supported_housing_adults" | "supported_housing_youth" | "protected_housing" | "hvb_adults_substance" | "gambling_addiction";
                    /**
                     * Format: date
                     * @description First day the agreement applies.
                     * @example 2026-01-01
                     */
                    validFrom: string;
                    /**
                     * Format: date
                     * @description Last day it applies; open-ended when left out.
                     * @example 2026-01-01
                     */
                    validUntil?: string;
                };
            };
        };
        responses: {
            /** @description The agreement as created. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    addAgreementSupplier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                /** @description Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked). */
                orgNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementParty"];
                };
            };
            /** @description The supplier, now a party to the agreement. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgreementParty"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getAgreement: {
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
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agreement"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listSignals: {
        parameters: {
            query?: {
                /** @description Only signals about this supplier (organisationsnummer). */
                supplier?: string;
                /** @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning. */
                type?: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
                /** @description scheduled: its period has not begun (effectiveFrom is ahead), so it does not count in any status yet; active: in effect; lifted: a call-off stop its issuer lifted (hävt avropsstopp); expired: past effectiveUntil; retracted: withdrawn by its issuer, seen only by the issuer and auditors. scheduled and expired are computed on read from the period and the database clock. */
                status?: "scheduled" | "active" | "lifted" | "expired" | "retracted";
                /** @description Only signals this organisation issued. */
                issuer?: string;
                /** @description Only signals under this framework agreement (ramavtal). */
                agreement?: string;
                /** @description Only stops and terminations with this ground. */
                ground?: "quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other";
                /** @description Only terminations of this kind. */
                terminationKind?: "notice" | "rescission";
                /** @description Only tips addressed to this organisation; your own id lists the tips addressed to you. */
                recipient?: string;
                /** @description Only signals under a framework agreement of this category, e.g. hvb_children. */
                agreementCategory?: "hvb_children" | "family_home_agency" | "supported_housing_adults" | "supported_housing_youth" | "protected_housing" | "hvb_adults_substance" | "gambling_addiction";
                /** @description Only signals in effect at some moment at or after this time (their period ends after it, or never): with periodTo, the signals of a reporting period. */
                periodFrom?: string;
                /** @description Only signals in effect at some moment before this time (their period begins before it). */
                periodTo?: string;
                /** @description Only signals created or changed at or after this time. */
                updatedSince?: string;
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of signals. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Signal"][];
                        nextCursor: string | null;
                    };
                    "text/csv": string;
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createSignal: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.
                     * @enum {string}
                     */
                    type: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
                    /**
                     * @description Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked).
                     * @example 559001-0004
                     */
                    supplierOrgNumber: string;
                    /**
                     * Format: uuid
                     * @description The unit (verksamhet) the signal is about, if one.
                     */
                    unitId?: string;
                    /**
                     * Format: uuid
                     * @description The framework agreement (ramavtal), required for a purchasing centre’s stop.
                     */
                    agreementId?: string;
                    /**
                     * @description How serious the deviation is (low, medium, high, critical); required for deviations.
                     * @enum {string}
                     */
                    severity?: "low" | "medium" | "high" | "critical";
                    /**
                     * @description Deviation (avvikelse) category, e.g. staffing (bemanning) or whistleblower_freedom (meddelarfrihet); required for deviations, refused on other types.
                     * @enum {string}
                     */
                    category?: "staffing" | "premises" | "care_plan" | "reporting" | "whistleblower_freedom" | "substances" | "safety" | "finances" | "other";
                    /**
                     * @description What was found or decided, in a sentence or two; no personal data about clients (a personnummer is refused with 422).
                     * @example Bemanningen understeg avtalad nivå vid uppföljning.
                     */
                    summary: string;
                    /** @description The fuller account: findings, what was asked of the supplier, follow-up; no personal data about clients. */
                    details?: string;
                    /**
                     * Format: date-time
                     * @description When the signal starts to apply; default: now. A later time makes it scheduled until then, and subscribers get signal.took_effect when it begins.
                     */
                    effectiveFrom?: string;
                    /**
                     * Format: date-time
                     * @description When the signal stops applying; it then reads as expired. Open-ended when left out.
                     */
                    effectiveUntil?: string;
                    /** @description Case reference. For ivo_injunction (föreläggande) and permit_revoked, required and IVO’s diarienummer in IVO’s shape — classification, serial, year, optional part, e.g. 3.5.1-12345/2023 or 8.7.1-6361/2015-1, optionally after "IVO " — else 422 signals.invalid_reference; for other types the issuer’s own case number. */
                    reference?: string;
                    /**
                     * Format: date
                     * @description The date of the IVO decision (beslutsdatum), YYYY-MM-DD: required for ivo_injunction and permit_revoked, not after today in Sweden, refused on other types (422 signals.invalid_decision_date).
                     */
                    decisionDate?: string;
                    /**
                     * @description Why the call-off stop or termination is made; only on those two types (422 signals.invalid otherwise).
                     * @enum {string}
                     */
                    ground?: "quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other";
                    /**
                     * @description Uppsägning (notice) or hävning (rescission); only on a termination.
                     * @enum {string}
                     */
                    terminationKind?: "notice" | "rescission";
                    /**
                     * @description Makes the deviation a tip addressed to this organisation (e.g. the purchasing centre that owns the agreement): only you, it and auditors read it, and it lists it with `GET /v1/signals?recipient=<its id>`. Implies visibility issuer_and_auditors; not for auditors or the operator, who read everything or nothing of it. Cannot be changed later.
                     * @example demo-inkop
                     */
                    recipientOrgId?: string;
                    /** @description For a call-off stop or termination: the signals that led to it (tips, deviations), by id, at most 20, each one you may read. Shown to each reader only as far as that reader may read them. Replaced as a whole when amended. */
                    relatedSignalIds?: string[];
                    /**
                     * @description Who may read it; default members (issuer_and_auditors for a tip). Only deviations and financial warnings may be issuer_and_auditors.
                     * @enum {string}
                     */
                    visibility?: "members" | "issuer_and_auditors";
                };
            };
        };
        responses: {
            /** @description The signal as recorded, version 1. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    /** @description The signal’s version as a strong entity tag, e.g. `"3"` for version 3 (the same number as `version` in the body); send it back in If-Match to change the signal only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signal"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the size limit (`input.too_large`). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    countSignals: {
        parameters: {
            query?: {
                /** @description Only signals about this supplier (organisationsnummer). */
                supplier?: string;
                /** @description deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning. */
                type?: "deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning";
                /** @description scheduled: its period has not begun (effectiveFrom is ahead), so it does not count in any status yet; active: in effect; lifted: a call-off stop its issuer lifted (hävt avropsstopp); expired: past effectiveUntil; retracted: withdrawn by its issuer, seen only by the issuer and auditors. scheduled and expired are computed on read from the period and the database clock. */
                status?: "scheduled" | "active" | "lifted" | "expired" | "retracted";
                /** @description Only signals this organisation issued. */
                issuer?: string;
                /** @description Only signals under this framework agreement (ramavtal). */
                agreement?: string;
                /** @description Only stops and terminations with this ground. */
                ground?: "quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other";
                /** @description Only terminations of this kind. */
                terminationKind?: "notice" | "rescission";
                /** @description Only tips addressed to this organisation; your own id lists the tips addressed to you. */
                recipient?: string;
                /** @description Only signals under a framework agreement of this category, e.g. hvb_children. */
                agreementCategory?: "hvb_children" | "family_home_agency" | "supported_housing_adults" | "supported_housing_youth" | "protected_housing" | "hvb_adults_substance" | "gambling_addiction";
                /** @description Only signals in effect at some moment at or after this time (their period ends after it, or never): with periodTo, the signals of a reporting period. */
                periodFrom?: string;
                /** @description Only signals in effect at some moment before this time (their period begins before it). */
                periodTo?: string;
                /** @description Only signals created or changed at or after this time. */
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalCounts"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getSignal: {
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
            /** @description The signal as the caller may read it. */
            200: {
                headers: {
                    /** @description The signal’s version as a strong entity tag, e.g. `"3"` for version 3 (the same number as `version` in the body); send it back in If-Match to change the signal only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signal"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    amendSignal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Make the change only while the signal is still at the version this names: its ETag, e.g. `"3"` for version 3, or `*` for any. A stale one answers 412 and changes nothing; without If-Match the change is made whatever the current version. */
                "if-match"?: string;
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the change is made; kept in the version history. */
                    reason: string;
                    /**
                     * @description How serious a deviation (avvikelse) is; live high and critical deviations from the last 12 months make a supplier’s status caution.
                     * @enum {string}
                     */
                    severity?: "low" | "medium" | "high" | "critical";
                    /**
                     * @description Deviation (avvikelse) category: staffing (bemanning), premises (lokaler), care_plan (vårdplan/genomförandeplan), reporting, whistleblower_freedom (meddelarfrihet), substances, safety, finances, other.
                     * @enum {string}
                     */
                    category?: "staffing" | "premises" | "care_plan" | "reporting" | "whistleblower_freedom" | "substances" | "safety" | "finances" | "other";
                    /** @description What was found or decided, in a sentence or two; no personal data about clients (a personnummer is refused with 422). */
                    summary?: string;
                    /** @description The fuller account; null removes it. */
                    details?: string | null;
                    /**
                     * Format: date-time
                     * @description When the signal starts to apply.
                     */
                    effectiveFrom?: string;
                    /** @description When the signal stops applying; null makes it open-ended. */
                    effectiveUntil?: string | null;
                    reference?: string | null;
                    /**
                     * Format: date
                     * @description The date of the IVO decision (beslutsdatum), YYYY-MM-DD: required for ivo_injunction and permit_revoked, not after today in Sweden, refused on other types (422 signals.invalid_decision_date).
                     */
                    decisionDate?: string;
                    /**
                     * @description Why a call-off stop or termination was made: quality (kvalitetsbrister), staffing (bemanning), finances (ekonomi, e.g. a credit warning), under_investigation (pågående utredning), breach_of_contract (avtalsbrott), other.
                     * @enum {string}
                     */
                    ground?: "quality" | "staffing" | "finances" | "under_investigation" | "breach_of_contract" | "other";
                    /**
                     * @description For a termination: notice (uppsägning: the agreement ends after its notice period) or rescission (hävning: ended at once for a material breach).
                     * @enum {string}
                     */
                    terminationKind?: "notice" | "rescission";
                    /** @description For a call-off stop or termination: the signals that led to it (tips, deviations), by id, at most 20, each one you may read. Shown to each reader only as far as that reader may read them. Replaced as a whole when amended. */
                    relatedSignalIds?: string[];
                    /**
                     * @description members: every organisation; issuer_and_auditors: only the issuer and auditors, and every read is logged (deviations and financial warnings only).
                     * @enum {string}
                     */
                    visibility?: "members" | "issuer_and_auditors";
                };
            };
        };
        responses: {
            /** @description The signal as amended, at its new version. */
            200: {
                headers: {
                    /** @description The signal’s version as a strong entity tag, e.g. `"3"` for version 3 (the same number as `version` in the body); send it back in If-Match to change the signal only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signal"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the If-Match header names a version that is no longer current (`*.version_mismatch`); read the resource again and retry with its ETag. */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listSignalVersions: {
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
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["SignalVersion"][];
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    liftSignal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Make the change only while the signal is still at the version this names: its ETag, e.g. `"3"` for version 3, or `*` for any. A stale one answers 412 and changes nothing; without If-Match the change is made whatever the current version. */
                "if-match"?: string;
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the change is made; kept in the version history. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The call-off stop as lifted, at its new version. */
            200: {
                headers: {
                    /** @description The signal’s version as a strong entity tag, e.g. `"3"` for version 3 (the same number as `version` in the body); send it back in If-Match to change the signal only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signal"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the If-Match header names a version that is no longer current (`*.version_mismatch`); read the resource again and retry with its ETag. */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    retractSignal: {
        parameters: {
            query?: never;
            header?: {
                /** @description Make the change only while the signal is still at the version this names: its ETag, e.g. `"3"` for version 3, or `*` for any. A stale one answers 412 and changes nothing; without If-Match the change is made whatever the current version. */
                "if-match"?: string;
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the change is made; kept in the version history. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The signal as retracted, at its new version. */
            200: {
                headers: {
                    /** @description The signal’s version as a strong entity tag, e.g. `"3"` for version 3 (the same number as `version` in the body); send it back in If-Match to change the signal only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Signal"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the If-Match header names a version that is no longer current (`*.version_mismatch`); read the resource again and retry with its ETag. */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listFollowUps: {
        parameters: {
            query?: {
                /** @description Only records about this supplier (organisationsnummer). */
                supplier?: string;
                /** @description What was checked: ivo_register (IVO’s register of permits and decisions), unannounced_visit (oanmält besök), credit_check (kreditupplysning), document_review (staffing schedules, care plans and other documents), other. */
                kind?: "ivo_register" | "unannounced_visit" | "credit_check" | "document_review" | "other";
                /** @description Only records this organisation made; your own organisation’s id for your own follow-up. */
                issuer?: string;
                /** @description no_remarks: the check found nothing to remark on (utan anmärkning); deviation: it led to a deviation (avvikelse), named by deviationSignalId. */
                outcome?: "no_remarks" | "deviation";
                /** @description Only checks made on or after this day (YYYY-MM-DD). */
                from?: string;
                /** @description Only checks made on or before this day (YYYY-MM-DD). */
                to?: string;
                /** @description recorded or retracted; both when left out (retracted ones only for their issuer and auditors). */
                status?: "recorded" | "retracted";
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of records. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpRecordList"];
                    "text/csv": string;
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    recordFollowUp: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked).
                     * @example 559001-0004
                     */
                    supplierOrgNumber: string;
                    /**
                     * Format: uuid
                     * @description The unit (verksamhet) that was checked, if one.
                     */
                    unitId?: string;
                    /**
                     * @description What was checked: ivo_register (IVO’s register of permits and decisions), unannounced_visit (oanmält besök), credit_check (kreditupplysning), document_review (staffing schedules, care plans and other documents), other.
                     * @enum {string}
                     */
                    kind: "ivo_register" | "unannounced_visit" | "credit_check" | "document_review" | "other";
                    /**
                     * Format: date
                     * @description The day the check was made, YYYY-MM-DD; not after today in Sweden (422 follow_ups.checked_on_in_future).
                     */
                    checkedOn: string;
                    /**
                     * @description no_remarks: the check found nothing to remark on (utan anmärkning); deviation: it led to a deviation (avvikelse), named by deviationSignalId.
                     * @enum {string}
                     */
                    outcome: "no_remarks" | "deviation";
                    /**
                     * Format: uuid
                     * @description For outcome deviation, required: the deviation your organisation issued about this supplier that the check led to (422 follow_ups.invalid_deviation otherwise); refused with no_remarks.
                     */
                    deviationSignalId?: string;
                    /** @description What was checked and found, in a few sentences; no personal data about clients (a personnummer is refused with 422). */
                    note?: string;
                    /**
                     * @description Who may read it, as for signals; default members. A record of a check that led to an issuer_and_auditors deviation must be issuer_and_auditors too.
                     * @enum {string}
                     */
                    visibility?: "members" | "issuer_and_auditors";
                };
            };
        };
        responses: {
            /** @description The follow-up as recorded. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpRecord"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the size limit (`input.too_large`). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    countFollowUps: {
        parameters: {
            query?: {
                /** @description Only records about this supplier (organisationsnummer). */
                supplier?: string;
                /** @description What was checked: ivo_register (IVO’s register of permits and decisions), unannounced_visit (oanmält besök), credit_check (kreditupplysning), document_review (staffing schedules, care plans and other documents), other. */
                kind?: "ivo_register" | "unannounced_visit" | "credit_check" | "document_review" | "other";
                /** @description Only records this organisation made; your own organisation’s id for your own follow-up. */
                issuer?: string;
                /** @description no_remarks: the check found nothing to remark on (utan anmärkning); deviation: it led to a deviation (avvikelse), named by deviationSignalId. */
                outcome?: "no_remarks" | "deviation";
                /** @description Only checks made on or after this day (YYYY-MM-DD). */
                from?: string;
                /** @description Only checks made on or before this day (YYYY-MM-DD). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpCounts"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getFollowUp: {
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
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpRecord"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    retractFollowUp: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the record is withdrawn; kept with it for the issuer and auditors. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FollowUpRecord"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listSignalReplies: {
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
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalReplyList"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    replyToSignal: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The supplier’s account, in a few sentences; no personal data about clients (a personnummer is refused with 422 input.personal_data). */
                    text: string;
                    /**
                     * @description Set true to dispute what the signal says; false (default) for a reply that does not dispute it.
                     * @default false
                     */
                    disputed?: boolean;
                };
            };
        };
        responses: {
            /** @description The new version of your reply, now in force. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalReply"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the size limit (`input.too_large`). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listRepresentedNumbers: {
        parameters: {
            query?: {
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierRepresentationList"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    addRepresentedNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description A registered supplier’s organisationsnummer.
                     * @example 559001-0004
                     */
                    orgNumber: string;
                    /** @description Why: how the operator checked that this organisation speaks for the supplier. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The representation, from now in force. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierRepresentation"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    endRepresentedNumber: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                /** @description Organisation id (a stable slug). */
                id: string;
                /** @description Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked). */
                orgNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why the organisation no longer answers for the number. */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierRepresentation"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getSupplierStatus: {
        parameters: {
            query?: {
                /** @description Ask for one unit (verksamhet), the home a child would go to: blocked when it or the supplier as a whole is blocked for you. A unit of another supplier answers 422 suppliers.unit_not_found. */
                unitId?: string;
                /** @description true: answer with a signed receipt (`receipt`) over the question and the answer; needs `purpose`. The read then counts as a write against the rate limit. */
                receipt?: "true" | "false";
                /** @description With receipt=true: why you ask (placement, follow_up, procurement, audit). */
                purpose?: "placement" | "follow_up" | "procurement" | "audit";
                /** @description With receipt=true: your case reference, signed into the receipt; never a personnummer (422 input.personal_data). */
                caseReference?: string;
                /** @description Ask what the answer was at this past moment (RFC 3339 with an offset; write + as %2B in a query string), rebuilt from the signals’ recorded versions: a version recorded at or before asOf counts. A moment after the registry’s clock answers 422 status.as_of_in_future; a supplier (or unit) not registered yet then reads as it did then (404 suppliers.not_found, `unknown`, suppliers.unit_not_found). */
                asOf?: string;
                /** @description With asOf: the organisation whose answer to rebuild — what it was told, with what it could read then. Only an auditor may name another organisation (else 403 status.as_organisation_forbidden); an unknown one answers 422 status.unknown_organisation. Default: the caller. */
                asOrganisation?: string;
            };
            header?: never;
            path: {
                /** @description Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked). */
                orgNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierStatus"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getSupplierStatuses: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description 1–1,000 questions: an organisationsnummer, or { orgNumber, unitId } to ask for one unit; duplicates are answered once. */
                    orgNumbers: (string | {
                        /** @description An organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN. */
                        orgNumber: string;
                        /** @description One of its units (verksamheter): the answer is for placing in that unit. */
                        unitId?: string;
                    })[];
                    /** @description Ask for one receipt over the whole batch: a signed record of the questions and the answers, and a log entry that proves the check happened. */
                    receipt?: {
                        /**
                         * @description Why you ask: placement (before placing a child with the supplier), follow_up (uppföljning of a supplier you contract), procurement (upphandling or avrop), audit (revision).
                         * @example placement
                         * @enum {string}
                         */
                        purpose: "placement" | "follow_up" | "procurement" | "audit";
                        /**
                         * @description Your own case reference (diarienummer), up to 100 characters, signed into the receipt so it can be filed with the case. Never a personnummer or samordningsnummer: one answers 422 input.personal_data.
                         * @example IFO 2026/1234
                         */
                        caseReference?: string;
                    };
                    /**
                     * Format: date-time
                     * @description Ask what the answer was at this past moment (RFC 3339 with an offset; write + as %2B in a query string), rebuilt from the signals’ recorded versions: a version recorded at or before asOf counts. A moment after the registry’s clock answers 422 status.as_of_in_future; a supplier (or unit) not registered yet then reads as it did then (404 suppliers.not_found, `unknown`, suppliers.unit_not_found).
                     */
                    asOf?: string;
                    /**
                     * @description With asOf: the organisation whose answer to rebuild — what it was told, with what it could read then. Only an auditor may name another organisation (else 403 status.as_organisation_forbidden); an unknown one answers 422 status.unknown_organisation. Default: the caller.
                     * @example demo-inkop
                     */
                    asOrganisation?: string;
                };
            };
        };
        responses: {
            /** @description One answer per distinct question. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierStatusBatch"];
                    "text/csv": string;
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the size limit (`input.too_large`). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listFlaggedSuppliers: {
        parameters: {
            query?: {
                /** @description Only the suppliers with this status for you; both when left out. */
                status?: "blocked" | "caution";
                /** @description Only suppliers party to a framework agreement (ramavtal) of this category, e.g. hvb_children. Their status is still decided by all their signals, as in the single read. */
                agreementCategory?: "hvb_children" | "family_home_agency" | "supported_housing_adults" | "supported_housing_youth" | "protected_housing" | "hvb_adults_substance" | "gambling_addiction";
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of flagged suppliers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlaggedSuppliers"];
                    "text/csv": string;
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyReceipt: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignedStatusReceiptInput"] | components["schemas"]["SignedBatchStatusReceiptInput"];
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptVerification"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Content Too Large: the body is over the size limit (`input.too_large`). */
            413: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getReceiptKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReceiptKeys"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
        };
    };
    listSubscriptions: {
        parameters: {
            query?: {
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description By id: oldest first. */
                        items: components["schemas"]["Subscription"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    createSubscription: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where events are POSTed. https, and not a private address, unless the registry allows private networks.
                     */
                    url: string;
                    /** @description Your own note on what the endpoint is for. */
                    description?: string;
                    /** @description Which signals to receive; all filters must match, values within one filter are alternatives. */
                    filters?: {
                        /** @description Only these signal types. */
                        types?: ("deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning")[];
                        /** @description Only signals about these suppliers. */
                        suppliers?: string[];
                        /** @description Only signals under these framework agreements. */
                        agreements?: string[];
                        /** @description Only signals issued by these municipalities (kommunkod). This is about the issuer: a purchasing centre, a federation or IVO has no kommunkod, so their stops never pass it; use affects for "signals that block us". */
                        municipalityCodes?: string[];
                        /**
                         * @description Hold back signals with a lower severity; signals without one (stops) pass.
                         * @enum {string}
                         */
                        minSeverity?: "low" | "medium" | "high" | "critical";
                        /** @description Only signals that block one of these organisations by the supplier-status rules: a revoked permit (blocks everyone), and a call-off stop or termination from a purchasing centre, from the organisation’s federation or from the organisation itself. Without `organisations` ({}), the default set: your own organisation and, for a federation, its member municipalities (as they are when each event is matched). Cautions — another organisation’s own pause, injunctions, deviations, financial warnings — block no one and do not pass. */
                        affects?: {
                            /** @description Organisation ids. You may name your own organisation; a federation also its member municipalities; an auditor anyone. An unknown id is a 422 (subscriptions.unknown_organisation), another organisation a 403 (subscriptions.affects_not_allowed). Membership is read when each event is matched: a municipality named by its federation that has since left it counts no longer. */
                            organisations?: string[];
                        };
                    };
                    /**
                     * @description Also sign every delivery with the registry’s Ed25519 key (Standard Webhooks `v1a`), beside the `v1` HMAC: the `webhook-signature` header then carries `v1,…` and `v1a,…`, and `webhook-key-id` names the key, published at /.well-known/webhook-keys. Unlike an HMAC, which you could have made yourself with the shared secret, a v1a signature lets you show a third party what the registry sent you. Off unless asked for.
                     * @default false
                     */
                    v1aSignatures?: boolean;
                };
            };
        };
        responses: {
            /** @description The subscription with its signing secret, shown this once. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionWithSecret"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getSubscription: {
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
            /** @description The subscription. */
            200: {
                headers: {
                    /** @description The subscription’s entity tag: it changes when its url, description, filters, status or v1aSignatures do (not with its delivery health). Send it back in If-Match to change the subscription only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    deleteSubscription: {
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
            /** @description Deleted */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    updateSubscription: {
        parameters: {
            query?: never;
            header?: {
                /** @description Make the change only while the subscription is still at the version this names: its ETag, e.g. `"3"` for version 3, or `*` for any. A stale one answers 412 and changes nothing; without If-Match the change is made whatever the current version. */
                "if-match"?: string;
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: uri
                     * @description Where events are POSTed. https, and not a private address, unless the registry allows private networks.
                     */
                    url?: string;
                    description?: string | null;
                    /** @description Replaces the filters as a whole. */
                    filters?: {
                        /** @description Only these signal types. */
                        types?: ("deviation" | "call_off_stop" | "termination" | "ivo_injunction" | "permit_revoked" | "financial_warning")[];
                        /** @description Only signals about these suppliers. */
                        suppliers?: string[];
                        /** @description Only signals under these framework agreements. */
                        agreements?: string[];
                        /** @description Only signals issued by these municipalities (kommunkod). This is about the issuer: a purchasing centre, a federation or IVO has no kommunkod, so their stops never pass it; use affects for "signals that block us". */
                        municipalityCodes?: string[];
                        /**
                         * @description Hold back signals with a lower severity; signals without one (stops) pass.
                         * @enum {string}
                         */
                        minSeverity?: "low" | "medium" | "high" | "critical";
                        /** @description Only signals that block one of these organisations by the supplier-status rules: a revoked permit (blocks everyone), and a call-off stop or termination from a purchasing centre, from the organisation’s federation or from the organisation itself. Without `organisations` ({}), the default set: your own organisation and, for a federation, its member municipalities (as they are when each event is matched). Cautions — another organisation’s own pause, injunctions, deviations, financial warnings — block no one and do not pass. */
                        affects?: {
                            /** @description Organisation ids. You may name your own organisation; a federation also its member municipalities; an auditor anyone. An unknown id is a 422 (subscriptions.unknown_organisation), another organisation a 403 (subscriptions.affects_not_allowed). Membership is read when each event is matched: a municipality named by its federation that has since left it counts no longer. */
                            organisations?: string[];
                        };
                    };
                    /**
                     * @description Pause (disabled) or resume (active) deliveries.
                     * @enum {string}
                     */
                    status?: "active" | "disabled";
                    /** @description Also sign every delivery with the registry’s Ed25519 key (Standard Webhooks `v1a`), beside the `v1` HMAC: the `webhook-signature` header then carries `v1,…` and `v1a,…`, and `webhook-key-id` names the key, published at /.well-known/webhook-keys. Unlike an HMAC, which you could have made yourself with the shared secret, a v1a signature lets you show a third party what the registry sent you. Off unless asked for. */
                    v1aSignatures?: boolean;
                };
            };
        };
        responses: {
            /** @description The subscription as changed. */
            200: {
                headers: {
                    /** @description The subscription’s entity tag: it changes when its url, description, filters, status or v1aSignatures do (not with its delivery health). Send it back in If-Match to change the subscription only if nobody changed it since. */
                    ETag?: string;
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Precondition Failed: the If-Match header names a version that is no longer current (`*.version_mismatch`); read the resource again and retry with its ETag. */
            412: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    rotateSubscriptionSecret: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedSecret"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    testSubscription: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PingResult"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getWebhookKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookKeySet"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            500: components["responses"]["InternalError"];
            /** @description Service Unavailable: a dependency does not answer; retry shortly. */
            503: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookKey: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why; kept in the audit log and published with nothing else. */
                    reason: string;
                    /**
                     * @description How long the current key keeps signing beside the new one (a second v1a signature), for receivers that pin keys. 0 when the key is compromised.
                     * @default 24
                     */
                    overlapHours?: number;
                };
            };
        };
        responses: {
            /** @description The new key and the one it replaces. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RotatedWebhookKey"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                /** @description pending: an attempt is due or scheduled; succeeded: a 2xx came back; failed: attempts used up, 410, or the subscription stopped. */
                status?: "pending" | "succeeded" | "failed";
                /** @description Page size, 1–200. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["Delivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getDelivery: {
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
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryWithAttempts"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    redeliver: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedeliverResult"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    replaySubscription: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * Format: date-time
                     * @description Resend every matching event from this time on.
                     */
                    since: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayResult"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listEvents: {
        parameters: {
            query?: {
                /** @description Page size, 1–1,000. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` (or, once caught up, `resumeCursor`) of the previous page; left out, the feed starts from the beginning. */
                cursor?: string;
                /**
                 * @deprecated
                 * @description Deprecated alias of `cursor`, kept for one release: the sequence number of the last event you have (0 for the beginning). Not together with `cursor`.
                 */
                after?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventFeed"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getSignalReach: {
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
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignalReach"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuditCheckpoint: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpoint"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    signAuditCheckpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The checkpoint signed now, or the newest when nothing was written since. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpoint"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listAuditCheckpoints: {
        parameters: {
            query?: {
                /** @description Page size, 1–1,000. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
                /**
                 * @deprecated
                 * @description Deprecated alias of `cursor`, kept for one release: only checkpoints smaller than this size. Not together with `cursor`.
                 */
                before?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Newest first. */
                        items: components["schemas"]["AuditCheckpoint"][];
                        /** @description Pass as `cursor` for the next (older) page; null on the last page. */
                        nextCursor: string | null;
                        /**
                         * @deprecated
                         * @description Deprecated, kept for one release: the size of the last checkpoint of this page, for clients that still page with `before`; null on the last page.
                         */
                        nextBefore: number | null;
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuditCheckpointBySize: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                size: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpoint"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuditInclusionProof: {
        parameters: {
            query?: {
                /** @description The entry’s position in the log (from 1): leaf index position − 1. A status receipt names its position. */
                position?: number;
                /** @description With version: the entry that recorded this version of a signal. */
                signalId?: string;
                /** @description With signalId: the signal’s version. */
                version?: number;
                /** @description The size of the signed checkpoint to prove against; default the newest. */
                treeSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditInclusionProof"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuditConsistencyProof: {
        parameters: {
            query: {
                /** @description The size of the older signed checkpoint. */
                from: number;
                /** @description The size of the newer signed checkpoint. */
                to: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditConsistencyProof"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listAuditWitnesses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["AuditWitness"][];
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    registerAuditWitness: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The witness’s key name, a schema-less URL naming it, e.g. revision.sundsvall.se/witness. */
                    name: string;
                    /** @description The raw 32-byte Ed25519 public key, base64. */
                    publicKey: string;
                };
            };
        };
        responses: {
            /** @description The witness as registered. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditWitness"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflict: the resource is not in a state that allows this, or was changed meanwhile. Also: a request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    cosignAuditCheckpoint: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path: {
                size: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description One cosignature line of this checkpoint (C2SP tlog-cosignature, Ed25519): `— <witness name> <base64(key id ‖ u64 timestamp ‖ signature)>`, the signature over "cosignature/v1\ntime <timestamp>\n" followed by the checkpoint’s body. */
                    cosignature: string;
                };
            };
        };
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpoint"];
                };
            };
            /** @description The checkpoint with the cosignature now kept. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditCheckpoint"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            414: components["responses"]["UriTooLong"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`). Also: an Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listAuditEntries: {
        parameters: {
            query?: {
                /** @description Only entries of this organisation (auditors and the operator; members always get their own). */
                organisation?: string;
                /** @description Only entries by this API client (JWT sub). */
                actor?: string;
                /** @description Only this action, e.g. signal.created. */
                action?: string;
                /** @description Only this kind of record, e.g. signal. */
                targetType?: string;
                /** @description Only entries about this record id. */
                target?: string;
                /** @description Only entries recorded at or after this time. */
                from?: string;
                /** @description Only entries recorded before this time. */
                to?: string;
                /** @description Page size, 1–1,000. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL). */
                cursor?: string;
                /**
                 * @deprecated
                 * @description Deprecated alias of `cursor`, kept for one release: the position of the last entry you have. Not together with `cursor`.
                 */
                after?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Entries in chain order. */
                        items: components["schemas"]["AuditEntry"][];
                        /** @description Pass as `cursor` for the next page; null on the last page. */
                        nextCursor: string | null;
                        /**
                         * @deprecated
                         * @description Deprecated, kept for one release: the position of the last entry of this page, for clients that still page with `after`; null on the last page.
                         */
                        nextAfter: number | null;
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuditHead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedHead"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    signAuditHead: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.
                 * @example 5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c
                 */
                "Idempotency-Key"?: components["parameters"]["Idempotency-Key"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The head signed now. */
            201: {
                headers: {
                    Location: components["headers"]["Location"];
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignedHead"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. Also: a body that is not JSON (`input.malformed_json`). Also: a string in the body with an unpaired surrogate (`input.invalid_unicode`). Also: an Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`). */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly. */
            409: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            /** @description An Idempotency-Key already used with a different request (`idempotency.key_reused`). */
            422: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    "Idempotent-Replayed": components["headers"]["Idempotent-Replayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: {
                /** @description First position to recompute; default 1. */
                from?: number;
                /** @description Last position to recompute; default the end of the chain. */
                to?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditVerification"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    exportAuditChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The chain as JSON Lines (https://jsonlines.org): one AuditEntry object per line, oldest first, each line ending in a newline. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/jsonl": string;
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    listReadLog: {
        parameters: {
            query?: {
                /** @description Only reads by this organisation. */
                organisation?: string;
                /** @description Only reads before this time (a filter; page with `cursor`). */
                before?: string;
                /** @description Page size, 1–1,000. */
                limit?: number;
                /** @description Opaque cursor from `nextCursor` of the previous page: the next page continues exactly after its last read. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    Link: components["headers"]["Link"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            /** Format: uuid */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the read happened.
                             */
                            at: string;
                            /** @description The API client (JWT sub) that read. */
                            actorSub: string;
                            /** @description The organisation the client acted for. */
                            orgId: string;
                            /**
                             * @description What was read, e.g. signal.read_restricted or supplier.read_sole_trader.
                             * @example signal.read_restricted
                             */
                            action: string;
                            targetType: string;
                            /** @description The records read. */
                            targetIds: string[];
                            requestId: string;
                        }[];
                        /** @description Pass as `cursor` for the next (older) page; null on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    getSupplierHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked). */
                orgNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Success. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplierHistory"];
                };
            };
            /** @description Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation. */
            400: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Unauthorized: no bearer token, or one this registry does not accept (`auth.*`). */
            401: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "WWW-Authenticate": components["headers"]["WWW-Authenticate"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended. */
            403: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not Found: nothing with this id that you may read. */
            404: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                    "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                    "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            414: components["responses"]["UriTooLong"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalError"];
        };
    };
    signalCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalCreatedWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signalAmendedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalAmendedWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signalLiftedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalLiftedWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signalExpiredWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalExpiredWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signalTookEffectWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalTookEffectWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signalRepliedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalRepliedWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    signalRetractedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignalRetractedWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    subscriptionFailingWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionFailingWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    subscriptionDisabledWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscriptionDisabledWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    supplierUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplierUpdatedWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    supplierLinkedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplierLinkedWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    supplierUnlinkedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SupplierUnlinkedWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    pingWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event id: the same on every retry and redelivery; de-duplicate by it. */
                "webhook-id": string;
                /** @description Unix seconds when this attempt was signed. */
                "webhook-timestamp": string;
                /** @description Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries. */
                "webhook-signature": string;
                /** @description Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`. */
                "webhook-key-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PingWebhook"];
            };
        };
        responses: {
            /** @description Received; any 2xx within 15 s counts as delivered. */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
