-- Itinera data model v1.
--
-- Conventions (docs/data-model.md explains them in full):
--  * Synced tables have a UUIDv7 text primary key `id`, a tombstone `deleted`, and three sync
--    columns: the dot (sync_node, sync_counter) of the change that created the row and the
--    hybrid logical clock of its latest write (sync_hlc, for display ordering only). A column
--    written later by another change has its dot in column_dot; absent means "the creation dot".
--  * Dates are ISO-8601 text (YYYY-MM-DD), instants are ISO-8601 UTC text, money is integer
--    minor units plus an ISO 4217 currency code. Enumerations are upper-case text checked here.
--  * Facts (assessments' decisions, deliveries, movement events) are insert-only rows.
--  * Medical details live only in *_sealed columns, encrypted with the medical key (issue 6).

-- ---------------------------------------------------------------------------------------------
-- Nodes and sync metadata (local bookkeeping, not synced as rows)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE node (
    node_no        INTEGER PRIMARY KEY,           -- compact local alias used in every dot
    node_id        TEXT    NOT NULL UNIQUE,       -- global UUID of the node
    name           TEXT    NOT NULL,
    kind           TEXT    NOT NULL CHECK (kind IN ('LAPTOP', 'HUB')),
    is_self        BOOLEAN NOT NULL DEFAULT 0,
    device_key_fp  TEXT,
    incarnation    INTEGER NOT NULL DEFAULT 1,
    -- this node's counter (for self) or the highest counter seen from it (for others)
    max_counter    BIGINT  NOT NULL DEFAULT 0,
    -- every change 1..applied_prefix from this node has been applied here
    applied_prefix BIGINT  NOT NULL DEFAULT 0,
    last_hlc       BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX node_single_self ON node (is_self) WHERE is_self = 1;

-- Every change this node made or applied, by dot. A rowid table (seq = local order of application).
-- An INSERT's payload stays NULL while the row still holds the values it was inserted with: the
-- row is the record. The row's first later update fills it in (copy on write), so the record
-- never changes meaning; this halves what a bulk load or a sync import writes.
CREATE TABLE change_log (
    seq        INTEGER PRIMARY KEY,
    node_no    INTEGER NOT NULL REFERENCES node (node_no),
    counter    BIGINT  NOT NULL,
    tbl        TEXT    NOT NULL,
    row_id     TEXT    NOT NULL,
    op         TEXT    NOT NULL CHECK (op IN ('INSERT', 'UPDATE', 'DELETE')),
    hlc        BIGINT  NOT NULL,
    user_id    TEXT,
    tx_id      TEXT    NOT NULL,
    context    TEXT    NOT NULL DEFAULT '{}',  -- JSON: version vector + extra dots of the row at the origin
    payload    TEXT,                           -- JSON object: changed columns and their values
    UNIQUE (node_no, counter)
);
CREATE INDEX change_log_row ON change_log (row_id);

CREATE TABLE column_dot (
    tbl      TEXT    NOT NULL,
    row_id   TEXT    NOT NULL,
    col      TEXT    NOT NULL,
    node_no  INTEGER NOT NULL,
    counter  BIGINT  NOT NULL,
    PRIMARY KEY (tbl, row_id, col)
) WITHOUT ROWID;

CREATE TABLE sync_conflict (
    id           TEXT PRIMARY KEY,
    tbl          TEXT NOT NULL,
    row_id       TEXT NOT NULL,
    col          TEXT NOT NULL,
    detected_at  TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'RESOLVED')),
    resolved_by  TEXT,
    resolved_at  TEXT,
    UNIQUE (tbl, row_id, col, status, detected_at)
);
CREATE INDEX sync_conflict_open ON sync_conflict (status, tbl, row_id);

CREATE TABLE sync_conflict_value (
    conflict_id  TEXT    NOT NULL REFERENCES sync_conflict (id),
    node_no      INTEGER NOT NULL,
    counter      BIGINT  NOT NULL,
    hlc          BIGINT  NOT NULL,
    user_id      TEXT,
    value        TEXT,             -- JSON value as written by that change
    PRIMARY KEY (conflict_id, node_no, counter)
) WITHOUT ROWID;

CREATE TABLE peer (
    node_no              INTEGER PRIMARY KEY REFERENCES node (node_no),
    last_sent_package    TEXT,
    last_sent_seq        BIGINT NOT NULL DEFAULT 0,
    last_sent_at         TEXT,
    last_sent_sha256     TEXT,
    last_received_package TEXT,
    last_received_seq    BIGINT NOT NULL DEFAULT 0,
    last_received_at     TEXT,
    ack_vector           TEXT NOT NULL DEFAULT '{}'  -- what the peer says it has applied, per node
);

CREATE TABLE imported_package (
    package_id   TEXT PRIMARY KEY,
    from_node    TEXT NOT NULL,
    pkg_seq      BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    imported_at  TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('APPLIED', 'QUARANTINED')),
    report       TEXT NOT NULL
);

CREATE TABLE exported_package (
    package_id   TEXT PRIMARY KEY,
    to_node      TEXT NOT NULL,
    pkg_seq      BIGINT NOT NULL,
    sha256       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    covers       TEXT NOT NULL,
    change_count BIGINT NOT NULL
);

CREATE TABLE rejected_change (
    package_id  TEXT NOT NULL,
    node_no     INTEGER NOT NULL,
    counter     BIGINT NOT NULL,
    tbl         TEXT NOT NULL,
    row_id      TEXT NOT NULL,
    reason      TEXT NOT NULL,
    payload     TEXT NOT NULL,
    PRIMARY KEY (package_id, node_no, counter)
) WITHOUT ROWID;

CREATE TABLE trust_bundle (
    serial      BIGINT PRIMARY KEY,
    received_at TEXT NOT NULL,
    content     TEXT NOT NULL,   -- signed JSON as received
    signature   TEXT NOT NULL
);

-- secrets of this device (private keys), sealed with the database key on top of page encryption
CREATE TABLE device_secret (
    name       TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    value      BLOB NOT NULL
);

CREATE TABLE app_setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Audit log: append-only hash chain (local; its head travels in sync packages)
-- ---------------------------------------------------------------------------------------------
CREATE TABLE audit_entry (
    seq          INTEGER PRIMARY KEY,
    at           TEXT    NOT NULL,
    user_id      TEXT,
    action       TEXT    NOT NULL,
    entity_type  TEXT,
    entity_id    TEXT,
    outcome      TEXT    NOT NULL CHECK (outcome IN ('OK', 'DENIED', 'FAILED')),
    detail       TEXT,
    prev_hash    TEXT    NOT NULL,
    hash         TEXT    NOT NULL
);
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id);
CREATE INDEX audit_entry_user ON audit_entry (user_id, at);

-- ---------------------------------------------------------------------------------------------
-- Organisation: offices, users, roles, partners
-- ---------------------------------------------------------------------------------------------
CREATE TABLE office (
    id            TEXT PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    country       TEXT NOT NULL,            -- ISO 3166-1 alpha-3
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);

CREATE TABLE app_user (
    id             TEXT PRIMARY KEY,
    username       TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    office_id      TEXT REFERENCES office (id),
    locale         TEXT NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'fr', 'ar')),
    status         TEXT NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    deleted        BOOLEAN NOT NULL DEFAULT 0,
    sync_node      INTEGER NOT NULL,
    sync_counter   BIGINT  NOT NULL,
    sync_hlc       BIGINT  NOT NULL
);

CREATE TABLE user_role (
    id            TEXT PRIMARY KEY,
    user_id       TEXT NOT NULL REFERENCES app_user (id),
    role          TEXT NOT NULL CHECK (role IN ('CASEWORKER', 'MOVEMENT_OFFICER', 'MEDICAL_OFFICER',
                                                'DATA_OFFICER', 'MISSION_ADMIN', 'AUDITOR')),
    office_id     TEXT REFERENCES office (id),   -- NULL: every office of the mission
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);
CREATE INDEX user_role_user ON user_role (user_id);

CREATE TABLE partner (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    country       TEXT NOT NULL,
    partner_type  TEXT NOT NULL CHECK (partner_type IN ('NGO', 'GOVERNMENT', 'UN_AGENCY', 'HEALTH', 'PRIVATE', 'OTHER')),
    services      TEXT,
    contact       TEXT,
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);

-- ---------------------------------------------------------------------------------------------
-- Case file: persons, documents, households, cases
-- ---------------------------------------------------------------------------------------------
CREATE TABLE attachment (
    id            TEXT PRIMARY KEY,
    sha256        TEXT NOT NULL,
    mime_type     TEXT NOT NULL,
    size_bytes    BIGINT NOT NULL,
    file_name     TEXT,
    content       BLOB NOT NULL,
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);
CREATE INDEX attachment_sha ON attachment (sha256);

CREATE TABLE person (
    id                 TEXT PRIMARY KEY,
    given_name         TEXT NOT NULL,
    family_name        TEXT NOT NULL,
    middle_name        TEXT,
    given_name_orig    TEXT,                  -- in the original script (e.g. Arabic)
    family_name_orig   TEXT,
    orig_script        TEXT,                  -- ISO 15924 code, e.g. Arab
    sex                TEXT NOT NULL CHECK (sex IN ('F', 'M', 'X', 'U')),
    birth_date         TEXT,                  -- YYYY-MM-DD, padded with 01 when imprecise
    birth_precision    TEXT NOT NULL DEFAULT 'DAY' CHECK (birth_precision IN ('DAY', 'MONTH', 'YEAR', 'UNKNOWN')),
    birth_estimated    BOOLEAN NOT NULL DEFAULT 0,
    nationality        TEXT,                  -- ISO 3166-1 alpha-3
    place_of_birth     TEXT,
    primary_language   TEXT,                  -- ISO 639-3
    phone              TEXT,
    office_id          TEXT REFERENCES office (id),
    photo_id           TEXT REFERENCES attachment (id),
    merged_into        TEXT REFERENCES person (id),
    deleted            BOOLEAN NOT NULL DEFAULT 0,
    sync_node          INTEGER NOT NULL,
    sync_counter       BIGINT  NOT NULL,
    sync_hlc           BIGINT  NOT NULL
);
CREATE INDEX person_office ON person (office_id);
CREATE INDEX person_merged_into ON person (merged_into) WHERE merged_into IS NOT NULL;

-- Derived search data, maintained by the write path (never synced): folded names for the
-- trigram index, and a sortable folded key for one- and two-letter prefix searches.
CREATE TABLE person_search (
    person_id  TEXT PRIMARY KEY REFERENCES person (id),
    sort_key   TEXT NOT NULL,
    fts_rowid  INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX person_search_sort ON person_search (sort_key, person_id);
CREATE VIRTUAL TABLE person_fts USING fts5 (person_id UNINDEXED, names, tokenize = 'trigram');

CREATE TABLE person_document (
    id               TEXT PRIMARY KEY,
    person_id        TEXT NOT NULL REFERENCES person (id),
    doc_type         TEXT NOT NULL CHECK (doc_type IN ('PASSPORT', 'LAISSEZ_PASSER', 'NATIONAL_ID',
                                                       'BIRTH_CERTIFICATE', 'TRAVEL_DOCUMENT', 'OTHER')),
    number           TEXT NOT NULL,
    issuing_country  TEXT,
    issued_on        TEXT,
    expires_on       TEXT,
    verified         BOOLEAN NOT NULL DEFAULT 0,
    deleted          BOOLEAN NOT NULL DEFAULT 0,
    sync_node        INTEGER NOT NULL,
    sync_counter     BIGINT  NOT NULL,
    sync_hlc         BIGINT  NOT NULL
);
CREATE INDEX person_document_person ON person_document (person_id);
CREATE INDEX person_document_number ON person_document (number);

CREATE TABLE person_merge (
    id            TEXT PRIMARY KEY,
    survivor_id   TEXT NOT NULL REFERENCES person (id),
    merged_id     TEXT NOT NULL REFERENCES person (id),
    merged_at     TEXT NOT NULL,
    merged_by     TEXT NOT NULL,
    reason        TEXT,
    undone        BOOLEAN NOT NULL DEFAULT 0,
    undone_at     TEXT,
    undone_by     TEXT,
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);

CREATE TABLE household (
    id              TEXT PRIMARY KEY,
    reference       TEXT NOT NULL,
    office_id       TEXT REFERENCES office (id),
    head_person_id  TEXT REFERENCES person (id),
    address         TEXT,
    deleted         BOOLEAN NOT NULL DEFAULT 0,
    sync_node       INTEGER NOT NULL,
    sync_counter    BIGINT  NOT NULL,
    sync_hlc        BIGINT  NOT NULL
);
CREATE INDEX household_reference ON household (reference);

CREATE TABLE household_member (
    id             TEXT PRIMARY KEY,
    household_id   TEXT NOT NULL REFERENCES household (id),
    person_id      TEXT NOT NULL REFERENCES person (id),
    relationship   TEXT NOT NULL CHECK (relationship IN ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'SIBLING',
                                                        'GRANDCHILD', 'OTHER_RELATIVE', 'NON_RELATIVE', 'GUARDIAN')),
    deleted        BOOLEAN NOT NULL DEFAULT 0,
    sync_node      INTEGER NOT NULL,
    sync_counter   BIGINT  NOT NULL,
    sync_hlc       BIGINT  NOT NULL
);
CREATE INDEX household_member_household ON household_member (household_id);
CREATE INDEX household_member_person ON household_member (person_id);

CREATE TABLE case_file (
    id                   TEXT PRIMARY KEY,
    case_no              TEXT NOT NULL,
    case_type            TEXT NOT NULL CHECK (case_type IN ('AVRR', 'REPATRIATION', 'RESETTLEMENT', 'PROTECTION')),
    status               TEXT NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'ON_HOLD', 'CLOSED')),
    person_id            TEXT NOT NULL REFERENCES person (id),
    household_id         TEXT REFERENCES household (id),
    office_id            TEXT REFERENCES office (id),
    owner_user_id        TEXT REFERENCES app_user (id),
    opened_on            TEXT NOT NULL,
    closed_on            TEXT,
    destination_country  TEXT,
    restricted           BOOLEAN NOT NULL DEFAULT 0,   -- VoT/child protection: need-to-know only
    summary              TEXT,
    deleted              BOOLEAN NOT NULL DEFAULT 0,
    sync_node            INTEGER NOT NULL,
    sync_counter         BIGINT  NOT NULL,
    sync_hlc             BIGINT  NOT NULL
);
CREATE INDEX case_file_person ON case_file (person_id);
CREATE INDEX case_file_household ON case_file (household_id);
CREATE INDEX case_file_no ON case_file (case_no);
CREATE INDEX case_file_office_status ON case_file (office_id, status);

-- ---------------------------------------------------------------------------------------------
-- Protection: vulnerability screening and consent
-- ---------------------------------------------------------------------------------------------
CREATE TABLE vulnerability_screening (
    id                  TEXT PRIMARY KEY,
    person_id           TEXT NOT NULL REFERENCES person (id),
    case_id             TEXT REFERENCES case_file (id),
    screened_on         TEXT NOT NULL,
    screened_by         TEXT REFERENCES app_user (id),
    unaccompanied_child BOOLEAN NOT NULL DEFAULT 0,
    separated_child     BOOLEAN NOT NULL DEFAULT 0,
    trafficking_victim  BOOLEAN NOT NULL DEFAULT 0,
    medical_condition   BOOLEAN NOT NULL DEFAULT 0,
    disability          BOOLEAN NOT NULL DEFAULT 0,
    elderly             BOOLEAN NOT NULL DEFAULT 0,
    single_parent       BOOLEAN NOT NULL DEFAULT 0,
    gbv_survivor        BOOLEAN NOT NULL DEFAULT 0,
    pregnant            BOOLEAN NOT NULL DEFAULT 0,
    other_need          TEXT,
    risk_level          TEXT NOT NULL CHECK (risk_level IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    restricted          BOOLEAN NOT NULL DEFAULT 0,
    notes               TEXT,
    deleted             BOOLEAN NOT NULL DEFAULT 0,
    sync_node           INTEGER NOT NULL,
    sync_counter        BIGINT  NOT NULL,
    sync_hlc            BIGINT  NOT NULL
);
CREATE INDEX vulnerability_screening_person ON vulnerability_screening (person_id);

CREATE TABLE consent (
    id                  TEXT PRIMARY KEY,
    person_id           TEXT NOT NULL REFERENCES person (id),
    purpose             TEXT NOT NULL CHECK (purpose IN ('ASSISTANCE', 'TRAVEL', 'DATA_SHARING',
                                                         'CROSS_COUNTRY_MATCHING', 'RESEARCH',
                                                         'VOLUNTARY_MOVEMENT_DECLARATION')),
    partner_id          TEXT REFERENCES partner (id),
    given_on            TEXT NOT NULL,
    method              TEXT NOT NULL CHECK (method IN ('SIGNED', 'SPOKEN', 'IMPLICIT', 'PROXY')),
    proxy_name          TEXT,
    proxy_relationship  TEXT,
    recorded_by         TEXT REFERENCES app_user (id),
    expires_on          TEXT,
    withdrawn_on        TEXT,
    withdrawn_by        TEXT REFERENCES app_user (id),
    withdrawal_note     TEXT,
    document_id         TEXT REFERENCES attachment (id),
    deleted             BOOLEAN NOT NULL DEFAULT 0,
    sync_node           INTEGER NOT NULL,
    sync_counter        BIGINT  NOT NULL,
    sync_hlc            BIGINT  NOT NULL
);
CREATE INDEX consent_person ON consent (person_id, purpose);

-- ---------------------------------------------------------------------------------------------
-- Movements: request to arrival, bookings, segments, escorts, manifests
-- ---------------------------------------------------------------------------------------------
CREATE TABLE movement (
    id                   TEXT PRIMARY KEY,
    case_id              TEXT NOT NULL REFERENCES case_file (id),
    person_id            TEXT NOT NULL REFERENCES person (id),
    household_id         TEXT REFERENCES household (id),
    movement_type        TEXT NOT NULL CHECK (movement_type IN ('VOLUNTARY_RETURN', 'REPATRIATION', 'RESETTLEMENT')),
    status               TEXT NOT NULL CHECK (status IN ('REQUESTED', 'ELIGIBILITY_CHECKED', 'DOCUMENTS_READY',
                                                         'BOOKED', 'FIT_TO_TRAVEL', 'ON_MANIFEST', 'DEPARTED',
                                                         'IN_TRANSIT', 'ARRIVED', 'NO_SHOW', 'CANCELLED')),
    status_reason        TEXT,
    requested_on         TEXT NOT NULL,
    origin_country       TEXT,
    destination_country  TEXT NOT NULL,
    destination_place    TEXT,
    fitness_required     BOOLEAN NOT NULL DEFAULT 1,
    office_id            TEXT REFERENCES office (id),
    deleted              BOOLEAN NOT NULL DEFAULT 0,
    sync_node            INTEGER NOT NULL,
    sync_counter         BIGINT  NOT NULL,
    sync_hlc             BIGINT  NOT NULL
);
CREATE INDEX movement_person ON movement (person_id);
CREATE INDEX movement_case ON movement (case_id);
CREATE INDEX movement_status ON movement (status);

-- insert-only history of a movement: transitions, departures, transits, arrivals, handovers
CREATE TABLE movement_event (
    id            TEXT PRIMARY KEY,
    movement_id   TEXT NOT NULL REFERENCES movement (id),
    event_type    TEXT NOT NULL CHECK (event_type IN ('TRANSITION', 'BOARDED', 'NO_SHOW', 'DEPARTED', 'TRANSIT',
                                                      'ARRIVED', 'HANDOVER')),
    from_status   TEXT,
    to_status     TEXT,
    reason        TEXT,
    place         TEXT,          -- IATA code or place name
    occurred_at   TEXT NOT NULL,
    user_id       TEXT,
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);
CREATE INDEX movement_event_movement ON movement_event (movement_id, occurred_at);

CREATE TABLE booking (
    id            TEXT PRIMARY KEY,
    reference     TEXT,          -- carrier PNR
    status        TEXT NOT NULL CHECK (status IN ('HELD', 'CONFIRMED', 'TICKETED', 'CANCELLED')),
    booked_on     TEXT NOT NULL,
    office_id     TEXT REFERENCES office (id),
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);

CREATE TABLE booking_passenger (
    id              TEXT PRIMARY KEY,
    booking_id      TEXT NOT NULL REFERENCES booking (id),
    movement_id     TEXT NOT NULL REFERENCES movement (id),
    seat            TEXT,
    special_needs   TEXT,        -- comma-separated SSR codes: WCHR, WCHS, WCHC, STCR, MEDA, OXYG, UMNR
    baggage_pieces  INTEGER NOT NULL DEFAULT 0,
    baggage_kg      INTEGER NOT NULL DEFAULT 0,
    deleted         BOOLEAN NOT NULL DEFAULT 0,
    sync_node       INTEGER NOT NULL,
    sync_counter    BIGINT  NOT NULL,
    sync_hlc        BIGINT  NOT NULL
);
CREATE INDEX booking_passenger_booking ON booking_passenger (booking_id);
CREATE INDEX booking_passenger_movement ON booking_passenger (movement_id);

CREATE TABLE booking_segment (
    id               TEXT PRIMARY KEY,
    booking_id       TEXT NOT NULL REFERENCES booking (id),
    seq              INTEGER NOT NULL,
    carrier          TEXT NOT NULL,   -- IATA airline code or bus company
    service_no       TEXT NOT NULL,   -- flight or bus number
    from_place       TEXT NOT NULL,   -- IATA airport code
    to_place         TEXT NOT NULL,
    departs_local    TEXT NOT NULL,   -- local date-time at from_place
    departs_zone     TEXT NOT NULL,   -- IANA time zone
    arrives_local    TEXT NOT NULL,
    arrives_zone     TEXT NOT NULL,
    deleted          BOOLEAN NOT NULL DEFAULT 0,
    sync_node        INTEGER NOT NULL,
    sync_counter     BIGINT  NOT NULL,
    sync_hlc         BIGINT  NOT NULL
);
CREATE INDEX booking_segment_booking ON booking_segment (booking_id, seq);

CREATE TABLE escort (
    id                  TEXT PRIMARY KEY,
    booking_id          TEXT NOT NULL REFERENCES booking (id),
    escort_type         TEXT NOT NULL CHECK (escort_type IN ('OPERATIONAL', 'MEDICAL')),
    escort_name         TEXT NOT NULL,
    escort_user_id      TEXT REFERENCES app_user (id),
    escorted_movement   TEXT REFERENCES movement (id),   -- NULL: escorts the whole booking
    deleted             BOOLEAN NOT NULL DEFAULT 0,
    sync_node           INTEGER NOT NULL,
    sync_counter        BIGINT  NOT NULL,
    sync_hlc            BIGINT  NOT NULL
);
CREATE INDEX escort_booking ON escort (booking_id);

CREATE TABLE manifest (
    id              TEXT PRIMARY KEY,
    manifest_no     TEXT NOT NULL,
    carrier         TEXT NOT NULL,
    service_no      TEXT NOT NULL,
    from_place      TEXT NOT NULL,
    to_place        TEXT NOT NULL,
    departure_date  TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('DRAFT', 'FINAL', 'DEPARTED', 'CLOSED', 'CANCELLED')),
    office_id       TEXT REFERENCES office (id),
    deleted         BOOLEAN NOT NULL DEFAULT 0,
    sync_node       INTEGER NOT NULL,
    sync_counter    BIGINT  NOT NULL,
    sync_hlc        BIGINT  NOT NULL
);
CREATE INDEX manifest_departure ON manifest (departure_date);

CREATE TABLE manifest_passenger (
    id            TEXT PRIMARY KEY,
    manifest_id   TEXT NOT NULL REFERENCES manifest (id),
    movement_id   TEXT NOT NULL REFERENCES movement (id),
    status        TEXT NOT NULL CHECK (status IN ('LISTED', 'BOARDED', 'NO_SHOW', 'REMOVED')),
    checked_at    TEXT,
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);
CREATE INDEX manifest_passenger_manifest ON manifest_passenger (manifest_id);
CREATE INDEX manifest_passenger_movement ON manifest_passenger (movement_id);

-- ---------------------------------------------------------------------------------------------
-- Medical: assessments (details sealed), fitness decisions (facts), referrals
-- ---------------------------------------------------------------------------------------------
CREATE TABLE health_assessment (
    id               TEXT PRIMARY KEY,
    person_id        TEXT NOT NULL REFERENCES person (id),
    case_id          TEXT REFERENCES case_file (id),
    assessment_type  TEXT NOT NULL CHECK (assessment_type IN ('PRE_DEPARTURE', 'PRE_EMBARKATION', 'ARRIVAL', 'FOLLOW_UP')),
    assessed_on      TEXT NOT NULL,
    clinician_id     TEXT REFERENCES app_user (id),
    details_sealed   BLOB,            -- history, examination, tests, diagnoses, vaccinations, findings
    medical_key_id   TEXT,
    deleted          BOOLEAN NOT NULL DEFAULT 0,
    sync_node        INTEGER NOT NULL,
    sync_counter     BIGINT  NOT NULL,
    sync_hlc         BIGINT  NOT NULL
);
CREATE INDEX health_assessment_person ON health_assessment (person_id, assessed_on);

CREATE TABLE fitness_decision (
    id                TEXT PRIMARY KEY,
    person_id         TEXT NOT NULL REFERENCES person (id),
    assessment_id     TEXT REFERENCES health_assessment (id),
    decision          TEXT NOT NULL CHECK (decision IN ('FIT', 'FIT_WITH_ESCORT', 'UNFIT', 'PENDING')),
    escort_required   TEXT CHECK (escort_required IN ('NONE', 'NURSE', 'DOCTOR', 'PARAMEDIC')),
    valid_from        TEXT NOT NULL,
    valid_until       TEXT,
    decided_by        TEXT REFERENCES app_user (id),
    decided_at        TEXT NOT NULL,
    conditions_sealed BLOB,           -- conditions of travel are medical detail too
    medical_key_id    TEXT,
    deleted           BOOLEAN NOT NULL DEFAULT 0,
    sync_node         INTEGER NOT NULL,
    sync_counter      BIGINT  NOT NULL,
    sync_hlc          BIGINT  NOT NULL
);
CREATE INDEX fitness_decision_person ON fitness_decision (person_id, decided_at);

CREATE TABLE medical_referral (
    id               TEXT PRIMARY KEY,
    person_id        TEXT NOT NULL REFERENCES person (id),
    assessment_id    TEXT REFERENCES health_assessment (id),
    referred_on      TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('SENT', 'ACCEPTED', 'TREATED', 'CLOSED', 'REFUSED')),
    facility_id      TEXT REFERENCES partner (id),
    details_sealed   BLOB,
    medical_key_id   TEXT,
    deleted          BOOLEAN NOT NULL DEFAULT 0,
    sync_node        INTEGER NOT NULL,
    sync_counter     BIGINT  NOT NULL,
    sync_hlc         BIGINT  NOT NULL
);
CREATE INDEX medical_referral_person ON medical_referral (person_id);

-- ---------------------------------------------------------------------------------------------
-- Assistance: reintegration plans, components, deliveries, referrals, follow-ups, surveys
-- ---------------------------------------------------------------------------------------------
CREATE TABLE assistance_plan (
    id            TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES case_file (id),
    status        TEXT NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    drafted_on    TEXT NOT NULL,
    approved_on   TEXT,
    currency      TEXT NOT NULL,          -- ISO 4217
    notes         TEXT,
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);
CREATE INDEX assistance_plan_case ON assistance_plan (case_id);

CREATE TABLE plan_component (
    id             TEXT PRIMARY KEY,
    plan_id        TEXT NOT NULL REFERENCES assistance_plan (id),
    category       TEXT NOT NULL CHECK (category IN ('ECONOMIC', 'SOCIAL', 'PSYCHOSOCIAL')),
    description    TEXT NOT NULL,
    budget_minor   BIGINT NOT NULL,
    currency       TEXT NOT NULL,
    deleted        BOOLEAN NOT NULL DEFAULT 0,
    sync_node      INTEGER NOT NULL,
    sync_counter   BIGINT  NOT NULL,
    sync_hlc       BIGINT  NOT NULL
);
CREATE INDEX plan_component_plan ON plan_component (plan_id);

CREATE TABLE assistance_delivery (
    id             TEXT PRIMARY KEY,
    plan_id        TEXT NOT NULL REFERENCES assistance_plan (id),
    component_id   TEXT REFERENCES plan_component (id),
    delivered_on   TEXT NOT NULL,
    modality       TEXT NOT NULL CHECK (modality IN ('CASH', 'IN_KIND', 'VOUCHER', 'SERVICE')),
    description    TEXT NOT NULL,
    amount_minor   BIGINT NOT NULL DEFAULT 0,
    currency       TEXT NOT NULL,
    receipt_id     TEXT REFERENCES attachment (id),
    delivered_by   TEXT REFERENCES app_user (id),
    deleted        BOOLEAN NOT NULL DEFAULT 0,
    sync_node      INTEGER NOT NULL,
    sync_counter   BIGINT  NOT NULL,
    sync_hlc       BIGINT  NOT NULL
);
CREATE INDEX assistance_delivery_plan ON assistance_delivery (plan_id);

CREATE TABLE referral (
    id            TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES case_file (id),
    person_id     TEXT NOT NULL REFERENCES person (id),
    partner_id    TEXT NOT NULL REFERENCES partner (id),
    service       TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('SENT', 'ACCEPTED', 'SERVICE_DELIVERED', 'CLOSED', 'REFUSED')),
    sent_on       TEXT NOT NULL,
    status_on     TEXT NOT NULL,
    feedback      TEXT,
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);
CREATE INDEX referral_case ON referral (case_id);
CREATE INDEX referral_status ON referral (status);

CREATE TABLE follow_up (
    id                    TEXT PRIMARY KEY,
    case_id               TEXT NOT NULL REFERENCES case_file (id),
    visit_on              TEXT NOT NULL,
    visit_type            TEXT NOT NULL CHECK (visit_type IN ('HOME', 'PHONE', 'OFFICE', 'PARTNER')),
    sustainability_score  INTEGER CHECK (sustainability_score BETWEEN 0 AND 100),
    notes                 TEXT,
    visited_by            TEXT REFERENCES app_user (id),
    deleted               BOOLEAN NOT NULL DEFAULT 0,
    sync_node             INTEGER NOT NULL,
    sync_counter          BIGINT  NOT NULL,
    sync_hlc              BIGINT  NOT NULL
);
CREATE INDEX follow_up_case ON follow_up (case_id, visit_on);

CREATE TABLE satisfaction_survey (
    id            TEXT PRIMARY KEY,
    case_id       TEXT NOT NULL REFERENCES case_file (id),
    surveyed_on   TEXT NOT NULL,
    overall_score INTEGER NOT NULL CHECK (overall_score BETWEEN 1 AND 5),
    answers       TEXT,          -- JSON object of question code to answer
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);
CREATE INDEX satisfaction_survey_case ON satisfaction_survey (case_id);
