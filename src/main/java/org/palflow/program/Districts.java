package org.palflow.program;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The school districts people choose from, and the one way a written district is matched to its code. */
@Service
public class Districts {

    private final JdbcClient jdbc;
    /** Read once: districts change only by migration, which runs before the app starts. */
    private volatile List<District> all;

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

    /**
     * The district a person meant: by its code, its name or the state's name for it, ignoring case and extra
     * spaces. Anything else is not a district, whatever it resembles.
     */
    public Optional<District> resolve(String written) {
        if (written == null || written.isBlank()) {
            return Optional.empty();
        }
        String key = written.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return all().stream().filter(district -> district.code().equals(key)
                || district.name().toLowerCase(Locale.ROOT).equals(key)
                || district.stateName().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    /** A candidate, scorer or mentor whose district, written before districts had codes, matched none. */
    public record Unmatched(String kind, long id, String fullName, String district) {
    }

    /** Everyone whose district has no code: they count as in every district for conflicts until an admin fixes it. */
    public List<Unmatched> unmatched() {
        return jdbc.sql("SELECT kind, id, full_name, district FROM unmatched_district ORDER BY kind, full_name")
                .query(Unmatched.class).list();
    }

    /** Why a written district was refused, in the same words wherever it is written. */
    public static String unknown(String written) {
        return "'" + written + "' is not a school district PAL Flow knows: choose one of the list (GET "
                + "/api/districts), by name or code";
    }
}
