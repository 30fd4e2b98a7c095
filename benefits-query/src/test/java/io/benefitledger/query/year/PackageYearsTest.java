package io.benefitledger.query.year;

import io.benefitledger.query.ReadSideDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A tab's page reads the years of its own packages, by key, however many packages the partner holds. */
class PackageYearsTest {

    final JdbcTemplate jdbc = ReadSideDatabase.jdbc();
    final PackageYears years = new PackageYears(jdbc);
    final String partner = "years-" + UUID.randomUUID();

    /** A partner of 30,000 packages, each with its year. */
    @BeforeEach
    void aPartnerOfManyPackages() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Object[]> rows = new ArrayList<>();
        for (int n = 0; n < 30_000; n++) {
            Instant begins = start.plus(Duration.ofMinutes(n));
            rows.add(new Object[]{partner, "pkg-" + n, "action-pack", Timestamp.from(begins),
                    Timestamp.from(begins.plus(Duration.ofDays(335))), Timestamp.from(begins.plus(Duration.ofDays(365))),
                    Timestamp.from(begins.plus(Duration.ofDays(395))), "RUNNING", 0L});
        }
        jdbc.batchUpdate("""
                insert into package_year (partner_id, package_id, offering, year_start, renewal_window_opens,
                    anniversary, grace_ends, status, last_event_sequence)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.execute("analyze package_year");
    }

    @Test
    void a_page_gets_the_year_of_each_of_its_packages_and_of_no_other() {
        List<String> page = IntStream.range(100, 150).mapToObj(n -> "pkg-" + n).toList();

        var found = years.of(partner, page);

        assertThat(found).containsOnlyKeys(page);
        assertThat(found.get("pkg-100").anniversary()).isEqualTo(Instant.parse("2026-01-01T01:40:00Z").plus(Duration.ofDays(365)));
        assertThat(years.of("another-" + partner, page)).isEmpty();
    }

    @Test
    void the_pages_statement_looks_each_year_up_by_its_key_in_the_generic_plan_too() {
        String ids = IntStream.range(0, 50).mapToObj(n -> "pkg-" + n).reduce((a, b) -> a + "," + b).orElseThrow();
        String plan = jdbc.execute((Statement sql) -> {
            sql.execute("set plan_cache_mode = force_generic_plan");
            try {
                sql.execute("prepare page_years as " + PackageYears.OF_PAGE.replaceFirst("\\?", "\\$1::text[]").replaceFirst("\\?", "\\$2"));
                try (var result = sql.executeQuery("explain execute page_years('{" + ids + "}', '" + partner + "')")) {
                    StringBuilder lines = new StringBuilder();
                    while (result.next()) {
                        lines.append(result.getString(1)).append('\n');
                    }
                    return lines.toString();
                } finally {
                    sql.execute("deallocate page_years");
                }
            } finally {
                sql.execute("reset plan_cache_mode");
            }
        });

        assertThat(plan).contains("package_year_pkey").doesNotContain("Seq Scan on package_year");
    }
}
