package io.benefitledger.query;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection's batch reads the rows of its aggregates once, finds what it created itself, and writes what it added or
 * changed once, when it commits.
 */
class BatchRowsTest {

    /** A row as a projection keeps it: changed in place by the batch's events. */
    static final class Row {
        final String aggregate;
        final String benefit;
        int used;

        Row(String aggregate, String benefit) {
            this.aggregate = aggregate;
            this.benefit = benefit;
        }

        String aggregate() {
            return aggregate;
        }

        String benefit() {
            return benefit;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && row.aggregate.equals(aggregate) && row.benefit.equals(benefit)
                   && row.used == used;
        }

        @Override
        public int hashCode() {
            return aggregate.hashCode() * 31 + benefit.hashCode();
        }

        @Override
        public String toString() {
            return aggregate + "/" + benefit + " used " + used;
        }
    }

    final List<Row> table = new ArrayList<>(List.of(new Row("package-1", "office"), new Row("package-1", "windows"),
            new Row("package-2", "office"), new Row("package-3", "office")));
    final List<Collection<String>> reads = new ArrayList<>();
    /** What each batch's commit wrote, one list per write. */
    final List<List<Row>> writes = new ArrayList<>();
    final BatchRows<String, Row> rows = new BatchRows<>("row", event -> event.getAggregateIdentifier(), aggregates -> {
        reads.add(List.copyOf(aggregates));
        return table.stream().filter(row -> aggregates.contains(row.aggregate())).toList();
    }, row -> row.aggregate() + "/" + row.benefit(), changed -> writes.add(List.copyOf(changed)));

    @Test
    void a_batch_reads_the_rows_of_all_its_aggregates_in_one_query() {
        Optional<Row> windows = inBatch(List.of(event("package-1", 1), event("package-2", 4), event("package-1", 2)),
                () -> {
                    rows.find("package-2/office");
                    rows.find("package-1/office");
                    return rows.find("package-1/windows");
                });

        assertThat(windows).contains(new Row("package-1", "windows"));
        assertThat(reads).containsExactly(List.of("package-1", "package-2"));
    }

    @Test
    void a_row_not_among_the_batch_rows_is_not_there_and_costs_no_query() {
        Optional<Row> missing = inBatch(List.of(event("package-1", 1)), () -> {
            rows.find("package-1/office");
            return rows.find("package-1/visio");
        });

        assertThat(missing).isEmpty();
        assertThat(reads).hasSize(1);
    }

    @Test
    void rows_persisted_earlier_in_the_batch_are_found_by_its_later_events() {
        Row created = new Row("package-9", "office");

        Optional<Row> found = inBatch(List.of(event("package-9", 0), event("package-9", 1)), () -> {
            rows.add(created);
            return rows.find("package-9/office");
        });

        assertThat(found).containsSame(created);
        assertThat(writes).containsExactly(List.of(created));
        assertThat(reads).hasSize(1);
    }

    @Test
    void a_creation_delivered_again_after_a_restart_changes_nothing() {
        Row again = new Row("package-1", "office");
        again.used = 7;

        boolean created = inBatch(List.of(event("package-1", 0)), () -> rows.add(again));

        assertThat(created).isFalse();
        assertThat(writes).isEmpty();
    }

    @Test
    void creations_read_the_batch_rows_once_and_are_written_together_at_the_commit() {
        boolean created = inBatch(List.of(event("package-8", 0), event("package-9", 0)), () ->
                rows.add(new Row("package-8", "office")) && rows.add(new Row("package-9", "office")));

        assertThat(created).isTrue();
        assertThat(reads).containsExactly(List.of("package-8", "package-9"));
        assertThat(writes).singleElement().asList().hasSize(2);
    }

    @Test
    void a_row_changed_by_several_events_is_written_once_as_the_last_left_it() {
        inBatch(List.of(event("package-1", 1), event("package-1", 2)), () -> {
            Row office = rows.find("package-1/office").orElseThrow();
            office.used = 1;
            rows.changed(office);
            office = rows.find("package-1/office").orElseThrow();
            office.used = 2;
            rows.changed(office);
            return null;
        });

        Row expected = new Row("package-1", "office");
        expected.used = 2;
        assertThat(writes).containsExactly(List.of(expected));
    }

    @Test
    void a_batch_that_only_reads_writes_nothing() {
        inBatch(List.of(event("package-1", 1)), () -> rows.find("package-1/windows"));

        assertThat(writes).isEmpty();
    }

    @Test
    void rows_are_written_in_the_order_the_batch_first_added_or_changed_them() {
        Row visio = new Row("package-1", "visio");

        inBatch(List.of(event("package-1", 1), event("package-2", 1)), () -> {
            rows.changed(rows.find("package-2/office").orElseThrow());
            rows.add(visio);
            rows.changed(rows.find("package-2/office").orElseThrow());
            return null;
        });

        assertThat(writes).singleElement().asList().containsExactly(new Row("package-2", "office"), visio);
    }

    @Test
    void events_of_aggregates_without_rows_here_cost_no_query() {
        BatchRows<String, Row> none = new BatchRows<>("none", event -> null, aggregates -> {
            reads.add(List.copyOf(aggregates));
            return List.of();
        }, Row::aggregate, changed -> writes.add(List.copyOf(changed)));

        Optional<Row> missing = inBatch(List.of(event("package-1", 1)), () -> none.find("package-1"));

        assertThat(missing).isEmpty();
        assertThat(reads).isEmpty();
    }

    @Test
    void matching_sees_the_batch_rows_and_the_new_ones() {
        List<Row> ofPackageOne = inBatch(List.of(event("package-1", 5)), () -> {
            rows.add(new Row("package-1", "visio"));
            return rows.matching(row -> row.aggregate().equals("package-1")).toList();
        });

        assertThat(ofPackageOne).extracting(Row::benefit).containsExactlyInAnyOrder("office", "windows", "visio");
    }

    @Test
    void each_batch_reads_afresh() {
        inBatch(List.of(event("package-1", 1)), () -> rows.find("package-1/office"));
        table.add(new Row("package-1", "visio"));

        Optional<Row> visio = inBatch(List.of(event("package-1", 2)), () -> rows.find("package-1/visio"));

        assertThat(visio).isPresent();
        assertThat(reads).hasSize(2);
    }

    @Test
    void a_dead_letter_retried_on_its_own_reads_its_own_aggregate() {
        DefaultUnitOfWork<DomainEventMessage<?>> retry = DefaultUnitOfWork.startAndGet(event("package-3", 1));
        Optional<Row> found;
        try {
            found = rows.find("package-3/office");
            found.ifPresent(rows::changed);
        } finally {
            retry.commit();
        }

        assertThat(found).isPresent();
        assertThat(reads).containsExactly(List.of("package-3"));
        assertThat(writes).containsExactly(List.of(found.get()));
    }

    private <T> T inBatch(List<DomainEventMessage<?>> events, java.util.function.Supplier<T> handlers) {
        UnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.start();
        try {
            return handlers.get();
        } finally {
            batch.commit();
        }
    }

    private static DomainEventMessage<?> event(String aggregate, long sequence) {
        return new GenericDomainEventMessage<>("BenefitPackage", aggregate, sequence, "payload");
    }
}
