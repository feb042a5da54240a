-- Itinera data model v3: what movements and printed manifests need beyond v1 (issue 5).
--
--  * Special service requests get a row each (booking_ssr) instead of a comma-separated column, so
--    two officers adding codes to the same passenger on different laptops both keep theirs when
--    their changes merge. booking_passenger.special_needs (v1) is no longer written or read.
--  * A manifest knows its scheduled departure time and when passengers must report for check-in,
--    local to the departure airport (with the IANA zone derived from the airport, see
--    docs/decisions/0008-airport-time-zones.md).
--  * A manifest passenger has the seat given at check-in, the booking it travels on, and the reason
--    for a removal or a no-show.
--  * Handover at destination names the partner who received the traveller.

ALTER TABLE manifest ADD COLUMN departs_local TEXT;    -- YYYY-MM-DDTHH:MM, local at from_place
ALTER TABLE manifest ADD COLUMN departs_zone TEXT;     -- IANA time zone of from_place
ALTER TABLE manifest ADD COLUMN check_in_local TEXT;   -- report time, local at from_place

ALTER TABLE manifest_passenger ADD COLUMN seat TEXT;
ALTER TABLE manifest_passenger ADD COLUMN booking_passenger_id TEXT REFERENCES booking_passenger (id);
ALTER TABLE manifest_passenger ADD COLUMN reason TEXT;

ALTER TABLE movement_event ADD COLUMN partner_id TEXT REFERENCES partner (id);

CREATE TABLE booking_ssr (
    id                    TEXT PRIMARY KEY,
    booking_passenger_id  TEXT NOT NULL REFERENCES booking_passenger (id),
    code                  TEXT NOT NULL CHECK (code IN ('WCHR', 'WCHS', 'WCHC', 'STCR', 'OXYG', 'MEDA', 'UMNR')),
    deleted               BOOLEAN NOT NULL DEFAULT 0,
    sync_node             INTEGER NOT NULL,
    sync_counter          BIGINT  NOT NULL,
    sync_hlc              BIGINT  NOT NULL
);
CREATE INDEX booking_ssr_passenger ON booking_ssr (booking_passenger_id);

-- the movement board lists departures by date; the manifest editor finds a flight's bookings
CREATE INDEX booking_segment_departs ON booking_segment (departs_local, carrier, service_no);
CREATE INDEX manifest_flight ON manifest (carrier, service_no, departure_date);
CREATE INDEX escort_movement ON escort (escorted_movement) WHERE escorted_movement IS NOT NULL;
