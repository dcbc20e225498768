-- School districts are reference data with codes, so that a conflict of interest is decided by code and not by
-- spelling ("Springfield" and "Springfield Public Schools" are one district). Codes are the state's eight-digit
-- organisation codes (DESE: the town's number followed by 0000); check them against the state's school and
-- district profiles before relying on them, and add districts with a migration like this one.
CREATE TABLE district (
    code       VARCHAR(8)   NOT NULL PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    state_name VARCHAR(200) NOT NULL,
    CONSTRAINT uk_district_name UNIQUE (name),
    CONSTRAINT uk_district_state_name UNIQUE (state_name)
);
INSERT INTO district (code, name, state_name) VALUES
    ('00350000', 'Boston Public Schools', 'Boston'),
    ('00440000', 'Brockton Public Schools', 'Brockton'),
    ('00490000', 'Cambridge Public Schools', 'Cambridge'),
    ('00570000', 'Chelsea Public Schools', 'Chelsea'),
    ('00610000', 'Chicopee Public Schools', 'Chicopee'),
    ('00930000', 'Everett Public Schools', 'Everett'),
    ('00950000', 'Fall River Public Schools', 'Fall River'),
    ('01000000', 'Framingham Public Schools', 'Framingham'),
    ('01280000', 'Haverhill Public Schools', 'Haverhill'),
    ('01370000', 'Holyoke Public Schools', 'Holyoke'),
    ('01490000', 'Lawrence Public Schools', 'Lawrence'),
    ('01600000', 'Lowell Public Schools', 'Lowell'),
    ('01630000', 'Lynn Public Schools', 'Lynn'),
    ('01650000', 'Malden Public Schools', 'Malden'),
    ('01760000', 'Medford Public Schools', 'Medford'),
    ('02010000', 'New Bedford Public Schools', 'New Bedford'),
    ('02070000', 'Newton Public Schools', 'Newton'),
    ('02360000', 'Pittsfield Public Schools', 'Pittsfield'),
    ('02430000', 'Quincy Public Schools', 'Quincy'),
    ('02580000', 'Salem Public Schools', 'Salem'),
    ('02740000', 'Somerville Public Schools', 'Somerville'),
    ('02810000', 'Springfield Public Schools', 'Springfield'),
    ('03080000', 'Waltham Public Schools', 'Waltham'),
    ('03480000', 'Worcester Public Schools', 'Worcester');

-- Free text written before this is matched by either name, ignoring case and surrounding spaces, and then spelled
-- as the district is named. What matches nothing keeps its text and no code; the admin's home lists it.
ALTER TABLE candidate_registration ADD COLUMN district_code VARCHAR(8);
ALTER TABLE scorer ADD COLUMN district_code VARCHAR(8);
ALTER TABLE mentor ADD COLUMN district_code VARCHAR(8);
UPDATE candidate_registration r SET district_code = (SELECT d.code FROM district d
    WHERE LOWER(TRIM(r.district)) IN (LOWER(d.name), LOWER(d.state_name)));
UPDATE scorer s SET district_code = (SELECT d.code FROM district d
    WHERE LOWER(TRIM(s.district)) IN (LOWER(d.name), LOWER(d.state_name)));
UPDATE mentor m SET district_code = (SELECT d.code FROM district d
    WHERE LOWER(TRIM(m.district)) IN (LOWER(d.name), LOWER(d.state_name)));
UPDATE candidate_registration r SET district = (SELECT d.name FROM district d WHERE d.code = r.district_code)
    WHERE r.district_code IS NOT NULL;
UPDATE scorer s SET district = (SELECT d.name FROM district d WHERE d.code = s.district_code)
    WHERE s.district_code IS NOT NULL;
UPDATE mentor m SET district = (SELECT d.name FROM district d WHERE d.code = m.district_code)
    WHERE m.district_code IS NOT NULL;

-- Published read model: the rows whose district the migration (or a later import) could not match.
CREATE VIEW unmatched_district AS
SELECT 'Candidate' AS kind, r.id, r.full_name, r.district FROM candidate_registration r WHERE r.district_code IS NULL
UNION ALL
SELECT 'Scorer', s.id, s.full_name, s.district FROM scorer s WHERE s.district_code IS NULL
UNION ALL
SELECT 'Mentor', m.id, m.full_name, m.district FROM mentor m WHERE m.district_code IS NULL;
