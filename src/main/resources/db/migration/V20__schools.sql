-- Schools are reference data too, each in its district, with the state's eight-digit school code where it is known
-- and otherwise a local code (L and seven digits). Load a program's schools with a migration like the demo's.
CREATE TABLE school (
    code          VARCHAR(8)   NOT NULL PRIMARY KEY,
    district_code VARCHAR(8)   NOT NULL,
    name          VARCHAR(200) NOT NULL,
    CONSTRAINT uk_school_name UNIQUE (district_code, name),
    CONSTRAINT fk_school_district FOREIGN KEY (district_code) REFERENCES district (code)
);

ALTER TABLE candidate_registration ADD COLUMN school_code VARCHAR(8);
ALTER TABLE mentor ADD COLUMN school_code VARCHAR(8);

-- Published read model: the people whose district, or school, the migrations (or a later import) could not match.
CREATE OR REPLACE VIEW unmatched_district AS
SELECT 'Candidate' AS kind, r.id, r.full_name, r.district, r.school FROM candidate_registration r
 WHERE r.district_code IS NULL OR r.school_code IS NULL
UNION ALL
SELECT 'Scorer', s.id, s.full_name, s.district, NULL FROM scorer s WHERE s.district_code IS NULL
UNION ALL
SELECT 'Mentor', m.id, m.full_name, m.district, m.school FROM mentor m
 WHERE m.district_code IS NULL OR m.school_code IS NULL;
