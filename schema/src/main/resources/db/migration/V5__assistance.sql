-- Reintegration assistance (issue 6): the history of a partner referral, and the indexes the
-- case timeline reads by.

-- insert-only: one row per status a referral took (SENT when it is made, then each change)
CREATE TABLE referral_event (
    id            TEXT PRIMARY KEY,
    referral_id   TEXT NOT NULL REFERENCES referral (id),
    from_status   TEXT CHECK (from_status IN ('SENT', 'ACCEPTED', 'SERVICE_DELIVERED', 'CLOSED', 'REFUSED')),
    to_status     TEXT NOT NULL CHECK (to_status IN ('SENT', 'ACCEPTED', 'SERVICE_DELIVERED', 'CLOSED', 'REFUSED')),
    occurred_on   TEXT NOT NULL,          -- YYYY-MM-DD, as told by the partner
    feedback      TEXT,
    user_id       TEXT,
    deleted       BOOLEAN NOT NULL DEFAULT 0,
    sync_node     INTEGER NOT NULL,
    sync_counter  BIGINT  NOT NULL,
    sync_hlc      BIGINT  NOT NULL
);
CREATE INDEX referral_event_referral ON referral_event (referral_id, occurred_on);

CREATE INDEX referral_person ON referral (person_id);
CREATE INDEX assistance_delivery_component ON assistance_delivery (component_id);
