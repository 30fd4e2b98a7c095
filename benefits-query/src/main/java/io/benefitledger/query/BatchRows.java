package io.benefitledger.query;

import io.benefitledger.partner.AggregateId;
import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The rows of a read model that a batch of events can change, read in one query when the batch first asks for one.
 * <p>
 * A projection that looks up a row per event makes a database round trip per event. Every row an event changes
 * belongs to the event's aggregate, so the rows of all the batch's aggregates are read together,
 * and a key that is not among them is not in the table. The rows stay managed by the batch's transaction, so what
 * the handlers change is written when it commits, with the token.
 *
 * @param <K> the row's key
 * @param <R> the row
 */
public final class BatchRows<K, R> {

    private final String resource;
    private final Function<Collection<String>, List<R>> rowsOfAggregates;
    private final Function<R, K> key;
    private final EntityManager entities;

    /**
     * @param rowsOfAggregates reads every row that belongs to an aggregate with any of the given partner's own ids (rows
     *                         of other partners with the same ids may come along: their keys, which name the
     *                         partner, are never asked for)
     * @param key              a row's key, as {@link #find} is asked for it
     */
    public BatchRows(Class<R> type, Function<Collection<String>, List<R>> rowsOfAggregates, Function<R, K> key,
                     EntityManager entities) {
        this.resource = BatchRows.class.getName() + "." + type.getName();
        this.rowsOfAggregates = rowsOfAggregates;
        this.key = key;
        this.entities = entities;
    }

    /** The row with {@code key}, as this batch has changed it so far. */
    public Optional<R> find(K key) {
        return Optional.ofNullable(batch().read().get(key));
    }

    /** The rows of this batch's aggregates that match. */
    public Stream<R> matching(Predicate<R> filter) {
        return batch().read().values().stream().filter(filter);
    }

    /**
     * Stores a new row, which later events of the batch then find, unless a row with its key is already there: after a
     * restart Axon may deliver an event again (a segment's gap-aware token does not always "cover" an event it has
     * handled), and the event that creates a row must then change nothing, not fail its batch over and over.
     *
     * @return whether the row is new
     */
    public boolean persist(R row) {
        Map<K, R> rows = batch().read();
        if (rows.putIfAbsent(key.apply(row), row) != null) {
            return false;
        }
        entities.persist(row);
        return true;
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resource, name -> new Batch(unitOfWork));
    }

    /** The rows of one unit of work, read when it first looks one up. */
    private final class Batch {
        private final UnitOfWork<?> unitOfWork;
        private final Map<K, R> rows = new HashMap<>();
        private boolean read;

        Batch(UnitOfWork<?> unitOfWork) {
            this.unitOfWork = unitOfWork;
        }

        Map<K, R> read() {
            if (!read) {
                rowsOfAggregates.apply(aggregates(unitOfWork)).forEach(row -> rows.put(key.apply(row), row));
                read = true;
            }
            return rows;
        }
    }

    /** The aggregates of the batch's events; a dead letter being retried is handled in a unit of work of its own. */
    private static List<String> aggregates(UnitOfWork<?> batch) {
        List<? extends Message<?>> events = batch instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(batch.getMessage());
        return events.stream().filter(DomainEventMessage.class::isInstance)
                .map(event -> AggregateId.localOf(((DomainEventMessage<?>) event).getAggregateIdentifier()))
                .distinct().toList();
    }
}
