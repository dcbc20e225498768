-- Demo scorers matching keycloak/pal-realm.json. Demo candidates register from Springfield Public Schools in
-- BAYSTATE-LEAD: Taylor (same program) and Jamie (same district) may never score their work.
INSERT INTO scorer (username, full_name, email, district, program_code, capacity, active) VALUES
    ('sam',    'Sam Scorer',    'sam.scorer@palflow.example',    'Boston Public Schools',      'PIONEER-ED',    25, TRUE),
    ('quinn',  'Quinn Scorer',  'quinn.scorer@palflow.example',  'Worcester Public Schools',   'PIONEER-ED',    25, TRUE),
    ('kai',    'Kai Scorer',    'kai.scorer@palflow.example',    'Cambridge Public Schools',   'MERRIMACK-ED',  25, TRUE),
    ('lee',    'Lee Scorer',    'lee.scorer@palflow.example',    'Newton Public Schools',      'CAPE-LEAD',     25, TRUE),
    ('taylor', 'Taylor Scorer', 'taylor.scorer@palflow.example', 'Lowell Public Schools',      'BAYSTATE-LEAD', 25, TRUE),
    ('jamie',  'Jamie Scorer',  'jamie.scorer@palflow.example',  'Springfield Public Schools', 'PIONEER-ED',    25, TRUE);
