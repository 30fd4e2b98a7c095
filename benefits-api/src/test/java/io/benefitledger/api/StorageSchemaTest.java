package io.benefitledger.api;

import io.benefitledger.testsupport.LedgerIntegrationTest;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.axonframework.modelling.saga.repository.jpa.AssociationValueEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The event store's schema is what a PostgreSQL ledger needs, and Flyway, not Hibernate, made it. */
@LedgerIntegrationTest
class StorageSchemaTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void no_column_is_an_oid_that_would_leak_large_objects() {
        List<String> oidColumns = jdbc.queryForList("""
                select table_name || '.' || column_name from information_schema.columns
                where table_schema = current_schema() and data_type = 'oid'""", String.class);

        assertThat(oidColumns).isEmpty();
    }

    @Test
    void serialized_payloads_metadata_and_tokens_are_bytea() {
        List<String> serializedColumns = List.of(
                "domain_event_entry.payload", "domain_event_entry.meta_data",
                "snapshot_event_entry.payload", "snapshot_event_entry.meta_data",
                "token_entry.token", "saga_entry.serialized_saga",
                "dead_letter_entry.payload", "dead_letter_entry.meta_data", "dead_letter_entry.token");
        serializedColumns.forEach(column -> {
            String[] tableAndColumn = column.split("\\.");
            String type = jdbc.queryForObject("""
                    select data_type from information_schema.columns
                    where table_schema = current_schema() and table_name = ? and column_name = ?""",
                    String.class, tableAndColumn[0], tableAndColumn[1]);
            assertThat(type).as(column).isEqualTo("bytea");
        });
    }

    @Test
    void every_sequence_increments_by_one() {
        List<Map<String, Object>> sequences = jdbc.queryForList("""
                select sequence_name, increment from information_schema.sequences
                where sequence_schema = current_schema()""");

        assertThat(sequences).extracting(row -> row.get("sequence_name"))
                .contains("domain_event_entry_seq", "association_value_entry_seq");
        assertThat(sequences).allSatisfy(row ->
                assertThat(row.get("increment")).as(String.valueOf(row.get("sequence_name"))).isEqualTo("1"));
    }

    @Test
    void hibernate_takes_global_indexes_from_the_sequence_one_at_a_time() {
        SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
        for (Class<?> entity : List.of(DomainEventEntry.class, AssociationValueEntry.class)) {
            var generator = sessionFactory.getMappingMetamodel().getEntityDescriptor(entity).getGenerator();
            assertThat(generator).as(entity.getSimpleName()).isInstanceOf(SequenceStyleGenerator.class);
            assertThat(((SequenceStyleGenerator) generator).getDatabaseStructure().getIncrementSize())
                    .as(entity.getSimpleName()).isEqualTo(1);
        }
    }

    @Test
    void flyway_created_the_schema() {
        List<String> applied = jdbc.queryForList(
                "select version from flyway_schema_history where success order by installed_rank", String.class);

        assertThat(applied).startsWith("1", "2");
    }
}
