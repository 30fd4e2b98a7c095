package io.benefitledger.query;

import io.benefitledger.partner.AggregateId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The rows of a read model that a batch of events can change, read in one query when the batch first asks for one,
 * and written in one batch statement when it commits.
 * <p>
 * A projection that looks up a row per event makes a database round trip per event. Every row an event changes
 * belongs to the event's aggregate, so the rows of all the batch's aggregates are read together, and a key that is
 * not among them is not in the table. The rows are plain objects: the handlers change them in memory and say so
 * ({@link #changed}), and the rows the batch added or changed are written at its prepare-commit, in the transaction
 * that stores the token. Nothing is dirty-checked, and no query of the batch waits for a flush.
 *
 * @param <K> the row's key
 * @param <R> the row
 */
public final class BatchRows<K, R> {

    private final String resource;
    private final Function<DomainEventMessage<?>, String> aggregate;
    private final Function<Collection<String>, List<R>> rowsOfAggregates;
    private final Function<R, K> key;
    private final Consumer<List<R>> write;

    /**
     * @param table            names the rows' resource in the batch
     * @param aggregate        what {@code rowsOfAggregates} is asked for of an event's aggregate ({@link #localId}, or
     *                         null for an event whose aggregate has no rows here)
     * @param rowsOfAggregates reads every row that belongs to any of the given aggregates (rows of other partners with
     *                         the same ids may come along: their keys, which name the partner, are never asked for)
     * @param key              a row's key, as {@link #find} is asked for it
     * @param write            writes the rows the batch added or changed, each once, in the order first added or changed
     */
    public BatchRows(String table, Function<DomainEventMessage<?>, String> aggregate,
                     Function<Collection<String>, List<R>> rowsOfAggregates, Function<R, K> key, Consumer<List<R>> write) {
        this.resource = BatchRows.class.getName() + "." + table;
        this.aggregate = aggregate;
        this.rowsOfAggregates = rowsOfAggregates;
        this.key = key;
        this.write = write;
    }

    /** The partner's own id for the event's aggregate: a package's, a subscription's. */
    public static String localId(DomainEventMessage<?> event) {
        return AggregateId.localOf(event.getAggregateIdentifier());
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
     * Adds a new row, which later events of the batch then find, unless a row with its key is already there: after a
     * restart Axon may deliver an event again (a segment's gap-aware token does not always "cover" an event it has
     * handled), and the event that creates a row must then change nothing, not fail its batch over and over.
     *
     * @return whether the row is new
     */
    public boolean add(R row) {
        Batch batch = batch();
        K rowKey = key.apply(row);
        if (batch.read().putIfAbsent(rowKey, row) != null) {
            return false;
        }
        batch.changed.put(rowKey, row);
        return true;
    }

    /** The row, one of this batch's, was changed: it is written when the batch commits. */
    public void changed(R row) {
        batch().changed.put(key.apply(row), row);
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resource, name -> new Batch(unitOfWork));
    }

    /** The rows of one unit of work, read when it first looks one up, and those it changed. */
    private final class Batch {
        private final UnitOfWork<?> unitOfWork;
        private final Map<K, R> rows = new HashMap<>();
        private final Map<K, R> changed = new LinkedHashMap<>();
        private boolean read;

        Batch(UnitOfWork<?> unitOfWork) {
            this.unitOfWork = unitOfWork;
            unitOfWork.onPrepareCommit(committing -> {
                if (!changed.isEmpty()) {
                    write.accept(List.copyOf(changed.values()));
                }
            });
        }

        Map<K, R> read() {
            if (!read) {
                List<String> aggregates = aggregates(unitOfWork);
                if (!aggregates.isEmpty()) {
                    rowsOfAggregates.apply(aggregates).forEach(row -> rows.put(key.apply(row), row));
                }
                read = true;
            }
            return rows;
        }
    }

    /** The aggregates of the batch's events; a dead letter being retried is handled in a unit of work of its own. */
    private List<String> aggregates(UnitOfWork<?> batch) {
        List<? extends Message<?>> events = batch instanceof BatchingUnitOfWork<?> batching
                ? batching.getMessages() : List.of(batch.getMessage());
        return events.stream().filter(DomainEventMessage.class::isInstance)
                .map(event -> aggregate.apply((DomainEventMessage<?>) event)).filter(Objects::nonNull)
                .distinct().toList();
    }
}
