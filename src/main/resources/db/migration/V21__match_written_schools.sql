-- Schools written as free text before schools had codes are matched by name within their district (ignoring case
-- and surrounding spaces) and then spelled as the school is named. Schools are loaded before this (V20_x).
UPDATE candidate_registration r SET school_code = (SELECT s.code FROM school s
    WHERE s.district_code = r.district_code AND LOWER(s.name) = LOWER(TRIM(r.school)));
UPDATE mentor m SET school_code = (SELECT s.code FROM school s
    WHERE s.district_code = m.district_code AND LOWER(s.name) = LOWER(TRIM(m.school)));
UPDATE candidate_registration r SET school = (SELECT s.name FROM school s WHERE s.code = r.school_code)
    WHERE r.school_code IS NOT NULL;
UPDATE mentor m SET school = (SELECT s.name FROM school s WHERE s.code = m.school_code)
    WHERE m.school_code IS NOT NULL;
