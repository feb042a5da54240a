-- Itinera data model v4: protection and vulnerability (issue 6, part M).
--
--  * A restricted case (case_file.restricted, V1) is seen only by its owner and by the users it
--    was shared with on a need-to-know basis: one row per user in case_access. Revoking a grant
--    writes a tombstone, so grants and revocations merge like any other change.
--  * Screenings carry a safety plan (free text) besides their notes; a later screening supersedes.
--  * Best-interest steps for children (assessment, determination, family tracing, care
--    arrangement, follow-up) are facts, one row per step taken.

CREATE TABLE case_access (
    id             TEXT PRIMARY KEY,
    case_id        TEXT NOT NULL REFERENCES case_file (id),
    user_id        TEXT NOT NULL REFERENCES app_user (id),
    granted_by     TEXT REFERENCES app_user (id),
    granted_on     TEXT NOT NULL,
    deleted        BOOLEAN NOT NULL DEFAULT 0,
    sync_node      INTEGER NOT NULL,
    sync_counter   BIGINT  NOT NULL,
    sync_hlc       BIGINT  NOT NULL
);
CREATE INDEX case_access_case ON case_access (case_id, user_id);
CREATE INDEX case_access_user ON case_access (user_id);

ALTER TABLE vulnerability_screening ADD COLUMN safety_plan TEXT;
CREATE INDEX vulnerability_screening_case ON vulnerability_screening (case_id);

CREATE TABLE best_interest_step (
    id             TEXT PRIMARY KEY,
    person_id      TEXT NOT NULL REFERENCES person (id),
    case_id        TEXT REFERENCES case_file (id),
    step           TEXT NOT NULL CHECK (step IN ('ASSESSMENT', 'DETERMINATION', 'FAMILY_TRACING',
                                                 'CARE_ARRANGEMENT', 'FOLLOW_UP')),
    taken_on       TEXT NOT NULL,
    taken_by       TEXT REFERENCES app_user (id),
    outcome        TEXT,
    deleted        BOOLEAN NOT NULL DEFAULT 0,
    sync_node      INTEGER NOT NULL,
    sync_counter   BIGINT  NOT NULL,
    sync_hlc       BIGINT  NOT NULL
);
CREATE INDEX best_interest_step_person ON best_interest_step (person_id, taken_on);
