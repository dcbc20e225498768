-- The demo's schools, with local codes; free text written before is matched to them by name within its district.
INSERT INTO school (code, district_code, name) VALUES
    ('L0000001', '02810000', 'Lincoln Elementary School'),
    ('L0000002', '02810000', 'Brightwood Elementary School'),
    ('L0000003', '03480000', 'Elm Park Community School');
