package io.benefitledger.query;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The read models' tables on a real PostgreSQL (an embedded server, started once per test JVM), migrated by the
 * service's own migrations, and batches of events handled by projections as the read side's processor handles them:
 * in one unit of work and transaction per batch, for a segment.
 */
public final class ReadSideDatabase {

    private static final DataSource DATA_SOURCE = start();
    private static final JdbcTemplate JDBC = new JdbcTemplate(DATA_SOURCE);
    private static final SpringTransactionManager TRANSACTIONS =
            new SpringTransactionManager(new DataSourceTransactionManager(DATA_SOURCE));

    private ReadSideDatabase() {
    }

    public static JdbcTemplate jdbc() {
        return JDBC;
    }

    /** One event of an aggregate as the event store names it ("contoso/action-pack-2026"). */
    public static DomainEventMessage<?> event(String aggregateType, String aggregate, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(aggregateType, aggregate, sequence, payload);
    }

    /** The projections handle the events as one batch of {@code segment}, committed with what they wrote. */
    public static void batch(int segment, List<DomainEventMessage<?>> events, Object... projections) {
        batch(segment, events, () -> {
        }, projections);
    }

    /** As {@link #batch(int, List, Object...)}, with {@code beforeCommit} run once the projections have written. */
    public static void batch(int segment, List<DomainEventMessage<?>> events, Runnable beforeCommit,
                             Object... projections) {
        List<AnnotationEventHandlerAdapter> handlers = List.of(projections).stream()
                .map(AnnotationEventHandlerAdapter::new).toList();
        BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(events);
        batch.attachTransaction(TRANSACTIONS);
        batch.resources().put("Processor[" + ReadSide.GROUP + "]/SegmentId", segment);
        DomainEventMessage<?> last = events.get(events.size() - 1);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                handler.handle(batch.getMessage());
            }
            if (batch.getMessage() == last) {
                // registered after the projections' writes, so it runs after them
                batch.onPrepareCommit(committing -> beforeCommit.run());
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("the batch failed", result.exceptionResult());
        }
    }

    private static DataSource start() {
        try {
            DataSource dataSource = EmbeddedPostgres.builder().start().getPostgresDatabase();
            Flyway.configure().dataSource(dataSource)
                    .locations("filesystem:../benefits-api/src/main/resources/db/migration").load().migrate();
            return dataSource;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL for the projections", e);
        }
    }
}
