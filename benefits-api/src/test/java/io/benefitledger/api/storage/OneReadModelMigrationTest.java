package io.benefitledger.api.storage;

import io.benefitledger.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade to the one read model of the benefit tabs (V19) carries every row of the four former tabs over as it
 * stood: the processing group that then replays the history skips what a row has already seen, so a row copied wrong
 * would stay wrong.
 */
class OneReadModelMigrationTest {

    @Test
    void the_rows_of_the_four_tabs_become_rows_of_the_benefit_read_model_and_the_old_processors_start_again() {
        TestPostgres.Database database = TestPostgres.newDatabase();
        DriverManagerDataSource source = new DriverManagerDataSource(database.url(), database.user(), database.password());
        JdbcTemplate jdbc = new JdbcTemplate(source);
        Flyway.configure().dataSource(source).target("18").load().migrate();
        jdbc.update("""
                insert into software_benefit (package_id, product_id, partner_id, package_type, product_name, languages,
                    operating_systems, special_instructions, keys_allocated, keys_revealed, status, purchased_at,
                    last_revealed_at, last_revealed_by, last_event_sequence)
                values ('ap', 'office', 'contoso', 'Action Pack', 'Office', '{en-US,zh-TW}', '{x64}', 'none', 10, 2,
                    'ACTIVE', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', 'alice', 1)""");
        jdbc.update("""
                insert into cloud_benefit (benefit_id, partner_id, package_id, kind, name, keys_allocated, keys_revealed,
                    special_instructions, assigned_user, status, opened_at, activated_at, last_event_sequence)
                values ('ap/m365', 'contoso', 'ap', 'LICENSE_BASED', 'Microsoft 365', 5, 0, 'portal', null, 'AVAILABLE',
                    '2026-01-01T00:00:00Z', null, 0),
                       ('ap:azure', 'contoso', 'ap', 'USAGE_BASED', 'Azure credits', 0, 0, '', 'alice', 'ACTIVE',
                    '2026-01-01T00:00:00Z', '2026-01-03T00:00:00Z', 1)""");
        jdbc.update("""
                insert into visual_studio_seat (subscription_id, partner_id, package_id, name, status, assigned_user,
                    assigned_at, opened_at, last_event_sequence)
                values ('ap:vs:1', 'contoso', 'ap', 'Visual Studio Enterprise', 'ACTIVE', 'mia', '2026-01-04T00:00:00Z',
                    '2026-01-01T00:00:00Z', 1)""");
        jdbc.update("""
                insert into technical_benefit (subscription_id, partner_id, package_id, name, unit, quantity, drawn, status,
                    assigned_user, alternative_email, pending_since, activated_at, opened_at, last_event_sequence)
                values ('ap:advisory', 'contoso', 'ap', 'Advisory hours', 'HOUR', 20, 3, 'ACTIVE', 'mia',
                    'mia@example.org', null, '2026-01-05T00:00:00Z', '2026-01-01T00:00:00Z', 3)""");
        jdbc.update("insert into token_entry (processor_name, segment, timestamp) values ('software-tab', 0, 'now'), "
                    + "('refund-eligibility', 0, 'now'), ('audit-checkpoints', 0, 'now')");

        Flyway.configure().dataSource(source).load().migrate();

        assertThat(jdbc.queryForList("""
                select concat_ws(' ', benefit_id, kind, tab, coalesce(allocation_id, '-'), name, unit, quantity, used,
                                 status, coalesce(assigned_user, '-'), last_event_sequence)
                from benefit where partner_id = 'contoso' order by benefit_id""", String.class)).containsExactly(
                "ap:advisory TECHNICAL TECHNICAL - Advisory hours HOUR 20 3 ACTIVE mia 3",
                "ap:azure AZURE_USAGE CLOUD - Azure credits SUBSCRIPTION 1 1 ACTIVE alice 1",
                "ap:m365 CLOUD_LICENSE CLOUD m365 Microsoft 365 KEY 5 0 AVAILABLE - 0",
                "ap:office SOFTWARE SOFTWARE office Office KEY 10 2 ACTIVE - 1",
                "ap:vs:1 VISUAL_STUDIO VISUAL_STUDIO - Visual Studio Enterprise SEAT 1 1 ACTIVE mia 1");
        assertThat(jdbc.queryForObject("select languages::text from benefit where benefit_id = 'ap:office'", String.class))
                .isEqualTo("{en-US,zh-TW}");
        assertThat(jdbc.queryForObject("select alternative_email from benefit where benefit_id = 'ap:advisory'", String.class))
                .isEqualTo("mia@example.org");
        assertThat(jdbc.queryForList("select processor_name from token_entry", String.class))
                .isEqualTo(List.of("audit-checkpoints"));
    }
}
