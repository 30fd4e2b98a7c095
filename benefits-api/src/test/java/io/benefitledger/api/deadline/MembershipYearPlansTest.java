package io.benefitledger.api.deadline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a purchase asks of a partner's membership years costs the same however long the partner's history: checked
 * on the statements as the service prepares them, with PostgreSQL's generic plan (the one a prepared statement runs
 * after its fifth execution), not on a literal query's custom plan.
 */
@LedgerIntegrationTest
class MembershipYearPlansTest {

    static final int YEARS = 30_000;
    /** A few index pages and the rows found, however many years the partner has. */
    static final int BOUNDED = 30;

    @Autowired
    JdbcTemplate jdbc;

    String partner;
    final Instant now = Instant.now();

    /**
     * A partner that bought one offering without a limit 30,000 times in the last year (running, none renewable yet),
     * and a limited one as often, each refunded (closed) before the next.
     */
    @BeforeEach
    void aPartnerWithALongHistory() {
        partner = "plans-" + UUID.randomUUID();
        List<Object[]> years = new ArrayList<>();
        for (int n = 0; n < YEARS; n++) {
            Instant anniversary = now.minus(Duration.ofMinutes(n)).plus(Duration.ofDays(365));
            years.add(year("running-" + n, "unlimited", anniversary, false));
            years.add(year("refunded-" + n, "limited", anniversary, true));
        }
        jdbc.batchUpdate("""
                insert into membership_year (partner_id, package_id, offering, renewal_window_opens, anniversary,
                    grace_ends, closed)
                values (?, ?, ?, ?, ?, ?, ?)""", years);
        jdbc.execute("analyze membership_year");
    }

    Object[] year(String packageId, String offering, Instant anniversary, boolean closed) {
        return new Object[]{partner, packageId, offering, Timestamp.from(anniversary.minus(Duration.ofDays(30))),
                Timestamp.from(anniversary), Timestamp.from(anniversary.plus(Duration.ofDays(30))), closed};
    }

    @Test
    void looking_for_a_renewable_year_reads_no_year_whose_window_has_not_opened() {
        JsonNode plan = genericPlan(MembershipYearTables.RENEWABLE, "'%s', 'unlimited', '%s', '%s'".formatted(partner, now, now));

        assertThat(buffers(plan)).as(plan.toPrettyString()).isLessThanOrEqualTo(BOUNDED);
        assertThat(plan.toString()).contains("membership_year_open_windows");
    }

    @Test
    void counting_the_years_held_during_a_year_reads_no_closed_year() {
        JsonNode plan = genericPlan(MembershipYearTables.HELD_DURING,
                "'%s', 'limited', '%s', '%s'".formatted(partner, now, now.plus(Duration.ofDays(730))));

        assertThat(buffers(plan)).as(plan.toPrettyString()).isLessThanOrEqualTo(BOUNDED);
        assertThat(plan.toString()).contains("membership_year_held");
    }

    /** The statement prepared with its parameters as {@code $n}, as the driver sends it, run once by its generic plan. */
    JsonNode genericPlan(String statement, String arguments) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : statement.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++parameter : String.valueOf(c));
        }
        String name = "plan_" + UUID.randomUUID().toString().replace("-", "");
        return jdbc.execute((Statement sql) -> {
            sql.execute("set plan_cache_mode = force_generic_plan");
            try {
                sql.execute("prepare " + name + " as " + numbered);
                try (var result = sql.executeQuery("explain (analyze, buffers, format json) execute " + name + "(" + arguments + ")")) {
                    result.next();
                    return new ObjectMapper().readTree(result.getString(1)).get(0);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                } finally {
                    sql.execute("deallocate " + name);
                }
            } finally {
                sql.execute("reset plan_cache_mode");
            }
        });
    }

    static long buffers(JsonNode plan) {
        JsonNode root = plan.get("Plan");
        return root.get("Shared Hit Blocks").asLong() + root.get("Shared Read Blocks").asLong();
    }
}
