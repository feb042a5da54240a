-- Itinera data model v2: access control, audit trail and consent (issue 4).
--
--  * A role can be granted for every office of one country (user_role.country, ISO 3166-1
--    alpha-3) besides one office (office_id) or the whole mission (both NULL). Never both set.
--  * The audit viewer filters by date and by action: index them.
--  * Partner exchanges look up consents by partner and purpose.

ALTER TABLE user_role ADD COLUMN country TEXT CHECK (country IS NULL OR length(country) = 3);

CREATE INDEX audit_entry_at ON audit_entry (at);
CREATE INDEX audit_entry_action ON audit_entry (action, at);

CREATE INDEX consent_partner ON consent (partner_id, purpose);
