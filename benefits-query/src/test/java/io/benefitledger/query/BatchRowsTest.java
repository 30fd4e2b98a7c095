package io.benefitledger.query;

import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection's batch reads the rows of its aggregates once, and finds what it created itself. */
class BatchRowsTest {

    record Row(String aggregate, String benefit) {
    }

    final List<Row> table = new ArrayList<>(List.of(new Row("package-1", "office"), new Row("package-1", "windows"),
            new Row("package-2", "office"), new Row("package-3", "office")));
    final List<Collection<String>> reads = new ArrayList<>();
    final List<Object> persisted = new ArrayList<>();
    final EntityManager entities = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[]{EntityManager.class}, (proxy, method, arguments) -> {
                if (!method.getName().equals("persist")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                persisted.add(arguments[0]);
                return null;
            });
    final BatchRows<String, Row> rows = new BatchRows<>(Row.class, aggregates -> {
        reads.add(List.copyOf(aggregates));
        return table.stream().filter(row -> aggregates.contains(row.aggregate())).toList();
    }, row -> row.aggregate() + "/" + row.benefit(), entities);

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
            rows.persist(created);
            return rows.find("package-9/office");
        });

        assertThat(found).containsSame(created);
        assertThat(persisted).containsExactly(created);
        assertThat(reads).hasSize(1);
    }

    @Test
    void a_creation_delivered_again_after_a_restart_changes_nothing() {
        Row again = new Row("package-1", "office");

        boolean created = inBatch(List.of(event("package-1", 0)), () -> rows.persist(again));

        assertThat(created).isFalse();
        assertThat(persisted).isEmpty();
    }

    @Test
    void creations_read_the_batch_rows_once() {
        boolean created = inBatch(List.of(event("package-8", 0), event("package-9", 0)), () ->
                rows.persist(new Row("package-8", "office")) && rows.persist(new Row("package-9", "office")));

        assertThat(created).isTrue();
        assertThat(reads).containsExactly(List.of("package-8", "package-9"));
        assertThat(persisted).hasSize(2);
    }

    @Test
    void matching_sees_the_batch_rows_and_the_new_ones() {
        List<Row> ofPackageOne = inBatch(List.of(event("package-1", 5)), () -> {
            rows.persist(new Row("package-1", "visio"));
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
        } finally {
            retry.commit();
        }

        assertThat(found).isPresent();
        assertThat(reads).containsExactly(List.of("package-3"));
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
