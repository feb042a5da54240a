-- Registry speed for a user limited to one office at a million persons: the office-filtered page
-- walked the whole name index (or sorted a whole office) and the case count read every case row.
-- Name order within an office, straight from the search index:
CREATE INDEX person_search_office_sort ON person_search (office_id, sort_key, person_id);
-- Case counts per office, including the need-to-know check (restricted, owner), from the index alone:
CREATE INDEX case_file_office_visibility ON case_file (office_id, deleted, restricted, owner_user_id);
-- Households per office (the scoped count read all 200k households: there was no office index):
CREATE INDEX household_office ON household (office_id, deleted);
-- Cases of an office in case-number order (the scoped case page sorted a whole office):
CREATE INDEX case_file_office_no ON case_file (office_id, case_no, id);
