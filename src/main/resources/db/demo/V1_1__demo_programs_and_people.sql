-- Demo data matching the users in keycloak/pal-realm.json. Leave classpath:db/demo out of
-- spring.flyway.locations to start without it.
INSERT INTO preparation_program (code, name, accepting, coordinator_email) VALUES
    ('BAYSTATE-LEAD', 'Bay State Leadership Academy', TRUE, 'casey.coordinator@palflow.example'),
    ('PIONEER-ED', 'Pioneer Valley Educational Leadership Program', FALSE, 'casey.coordinator@palflow.example');

INSERT INTO cohort (program_id, code, name, accepting)
SELECT id, '2026-FALL', 'Fall 2026', TRUE FROM preparation_program WHERE code = 'BAYSTATE-LEAD';
INSERT INTO cohort (program_id, code, name, accepting)
SELECT id, '2025-FALL', 'Fall 2025 (closed)', FALSE FROM preparation_program WHERE code = 'BAYSTATE-LEAD';
INSERT INTO cohort (program_id, code, name, accepting)
SELECT id, '2026-FALL', 'Fall 2026', TRUE FROM preparation_program WHERE code = 'PIONEER-ED';

INSERT INTO mentor (email, full_name, district, school) VALUES
    ('morgan.mentor@palflow.example', 'Morgan Mentor', 'Springfield Public Schools', 'Lincoln Elementary School'),
    ('riley.leader@palflow.example', 'Riley Leader', 'Springfield Public Schools', 'Lincoln Elementary School'),
    ('jordan.head@palflow.example', 'Jordan Head', 'Worcester Public Schools', 'Elm Park Community School');
