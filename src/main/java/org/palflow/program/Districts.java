package org.palflow.program;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The school districts and schools people choose from, and the one way a written district or school is matched to
 * its code.
 */
@Service
public class Districts {

    private final JdbcClient jdbc;
    /** Read once: districts and schools change only by migration, which runs before the app starts. */
    private volatile List<District> all;
    private volatile List<School> schools;

    Districts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every district, by name: what registration and the scorer pool offer. */
    public List<District> all() {
        if (all == null) {
            all = jdbc.sql("SELECT code, name, state_name FROM district ORDER BY name").query(District.class).list();
        }
        return all;
    }

    /** Every school, by district and name. */
    public List<School> schools() {
        if (schools == null) {
            schools = jdbc.sql("SELECT code, district_code, name FROM school ORDER BY district_code, name")
                    .query(School.class).list();
        }
        return schools;
    }

    public List<School> schoolsOf(String districtCode) {
        return schools().stream().filter(school -> school.districtCode().equals(districtCode)).toList();
    }

    /** The school of {@code district} a person meant: by its code or its name, ignoring case and extra spaces. */
    public Optional<School> resolveSchool(District district, String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String key = key(written);
        return schoolsOf(district.code()).stream().filter(school -> key(school.code()).equals(key)
                || key(school.name()).equals(key)).findFirst();
    }

    /**
     * The district a person meant: by its code, its name or the state's name for it, ignoring case and extra
     * spaces. Anything else is not a district, whatever it resembles.
     */
    public Optional<District> resolve(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String key = key(written);
        return all().stream().filter(district -> district.code().equals(key) || key(district.name()).equals(key)
                || key(district.stateName()).equals(key)).findFirst();
    }

    private static String key(String written) {
        return written.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** A candidate, scorer or mentor whose district or school, written before they had codes, matched none. */
    public record Unmatched(String kind, long id, String fullName, String district, String school) {
    }

    /**
     * Everyone whose district or school has no code. A district without one counts as every district for
     * conflicts until it is corrected.
     */
    public List<Unmatched> unmatched() {
        return jdbc.sql("SELECT kind, id, full_name, district, school FROM unmatched_district ORDER BY kind, full_name")
                .query(Unmatched.class).list();
    }

    /** Why a written district was refused, in the same words wherever it is written. */
    public static String unknown(String written) {
        return "'" + written + "' is not a school district PAL Flow knows: choose one of the list (GET "
                + "/api/districts), by name or code";
    }

    /** Why a written school was refused, in the same words wherever it is written. */
    public static String unknownSchool(District district, String written) {
        return "'" + written + "' is not a school of " + district.name() + " that PAL Flow knows: choose one of "
                + "the list (GET /api/districts/" + district.code() + "/schools), by name or code";
    }
}
