package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.NotFound;
import org.axonframework.config.AggregateConfiguration;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The state of any aggregate as of a past instant, rebuilt the way the command side loads it: the aggregate's own
 * event sourcing handlers applied to its events recorded up to that instant. It starts from the latest stored state
 * that was complete by then: an audit checkpoint (the state after every Nth event, kept for good and written here
 * as replays pass them) or Axon's snapshot if that is later, so a long history is not read from its first event.
 */
@Component
public class TimeTravel {

    /**
     * What an aggregate looked like at {@code asOf}: its state after {@code version}, the last event it had recorded
     * by then ({@code lastEvent}); {@code eventsApplied} were read after where it started from: {@code first-event},
     * a {@code checkpoint} or a {@code snapshot}.
     */
    public record AggregateAsOf(String aggregate, String type, Instant asOf, long version, LastEvent lastEvent,
                                String startedFrom, long eventsApplied, JsonNode state) {
    }

    /** A stored state to start from: the aggregate after event {@code sequence}. */
    private record Start(String kind, long sequence, Object root) {
    }

    public record LastEvent(long position, String eventId, String type, Instant recordedAt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(TimeTravel.class);

    private final Map<String, AggregateModel<?>> models;
    private final EventStorageEngine events;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final int checkpointEvery;

    /** Aggregates are inspected as the command side inspects them: their handlers may take Spring beans. */
    TimeTravel(Configuration axon, EventStorageEngine events, Serializer serializer, JdbcTemplate jdbc,
               @Value("${ledger.audit.checkpoint-every}") int checkpointEvery) {
        this.models = axon.findModules(AggregateConfiguration.class).stream()
                .<Class<?>>map(AggregateConfiguration::aggregateType)
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> AnnotatedAggregateMetaModelFactory
                        .inspectAggregate(type, axon.parameterResolverFactory(), axon.handlerDefinition(type))));
        this.events = events;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.checkpointEvery = checkpointEvery;
    }

    /** Not read-only: the checkpoints a replay passes are stored with it. */
    @Transactional
    public AggregateAsOf asOf(String partner, String reference, Instant at) {
        String aggregate = AuditTrail.storeId(partner, reference);
        AggregateModel<?> model = jdbc.query("select e.type from domain_event_entry e where e.aggregate_identifier = ?"
                                             + " and e.sequence_number = 0 and " + AuditTrail.OF_PARTNER,
                        (row, index) -> models.get(row.getString(1)), aggregate, partner)
                .stream().findFirst()
                .orElseThrow(() -> new NotFound("aggregate", reference));
        Replay replay = replay(model, aggregate, Until.recordedBy(at));
        if (replay.version() < 0) {
            throw new NotFound("aggregate as of " + at, reference);
        }
        LastEvent last = jdbc.queryForObject("""
                        select global_index, event_identifier, payload_type, time_stamp from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = ?""",
                (row, index) -> new LastEvent(row.getLong(1), row.getString(2),
                        row.getString(3).substring(row.getString(3).lastIndexOf('.') + 1), Instant.parse(row.getString(4))),
                aggregate, replay.version());
        return new AggregateAsOf(reference, model.entityClass().getSimpleName(), at, replay.version(), last,
                replay.startedFrom(), replay.eventsApplied(), serializer.serialize(replay.root(), JsonNode.class).getData());
    }

    /**
     * Stores the checkpoint after event {@code sequence - 1} of the aggregate, {@code sequence} being a multiple of
     * the checkpoint interval: replays from the checkpoint before it, which passes that point.
     */
    @Transactional
    public void checkpointBefore(String aggregate, String aggregateType, long sequence) {
        AggregateModel<?> model = models.get(aggregateType);
        if (model != null) {
            replay(model, aggregate, Until.sequence(sequence));
        }
    }

    int checkpointEvery() {
        return checkpointEvery;
    }

    /** Where a replay stops: after the events recorded by an instant, or after a sequence number. */
    private record Until(Instant at, long sequence) {
        static Until recordedBy(Instant at) {
            return new Until(at, Long.MAX_VALUE);
        }

        static Until sequence(long sequence) {
            return new Until(null, sequence);
        }

        boolean includes(DomainEventMessage<?> event) {
            return event.getSequenceNumber() <= sequence && (at == null || !event.getTimestamp().isAfter(at));
        }
    }

    private record Replay(Object root, String startedFrom, long version, long eventsApplied) {
    }

    private <T> Replay replay(AggregateModel<T> model, String aggregate, Until until) {
        Start start = startingPoint(model, aggregate, until);
        T root = model.entityClass().cast(start.root());
        AtomicLong applied = new AtomicLong();
        AtomicLong version = new AtomicLong(start.sequence());
        AtomicReference<Instant> previous = new AtomicReference<>();
        List<Object[]> checkpoints = new ArrayList<>();
        // Events are read lazily, in batches: the stream stops at the first event past the bound. Each event passes
        // here just before it is applied, when the root holds the state after the one before it.
        Stream<? extends DomainEventMessage<?>> upToBound = events
                .readEvents(aggregate, start.sequence() + 1)
                .asStream()
                .takeWhile(until::includes)
                .peek(event -> {
                    long sequence = event.getSequenceNumber();
                    if (sequence % checkpointEvery == 0 && sequence - 1 > start.sequence()) {
                        SerializedObject<byte[]> state = serializer.serialize(root, byte[].class);
                        checkpoints.add(new Object[]{aggregate, sequence - 1, Timestamp.from(previous.get()),
                                state.getType().getName(), state.getData()});
                    }
                    previous.set(event.getTimestamp());
                    applied.incrementAndGet();
                    version.set(sequence);
                });
        EventSourcedAggregate<T> rebuilt = EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        rebuilt.initializeState(DomainEventStream.of(upToBound, version::get));
        jdbc.batchUpdate("""
                insert into audit_checkpoint (aggregate_identifier, sequence_number, last_event_at, payload_type, payload)
                values (?, ?, ?, ?, ?) on conflict do nothing""", checkpoints);
        return new Replay(rebuilt.getAggregateRoot(), start.kind(), version.get(), applied.get());
    }

    /** The latest stored state within the bound: a checkpoint, Axon's snapshot if later, or a new root. */
    private Start startingPoint(AggregateModel<?> model, String aggregate, Until until) {
        Start start = new Start("first-event", -1, newRoot(model));
        try {
            List<Start> checkpoint = jdbc.query("""
                            select sequence_number, payload_type, payload from audit_checkpoint
                            where aggregate_identifier = ? and sequence_number <= ?
                              and (cast(? as timestamptz) is null or last_event_at <= ?)
                            order by sequence_number desc limit 1""",
                    (row, index) -> new Start("checkpoint", row.getLong(1), serializer.deserialize(
                            new SimpleSerializedObject<>(row.getBytes(3), byte[].class, row.getString(2), null))),
                    aggregate, until.sequence(), until.at() == null ? null : Timestamp.from(until.at()),
                    until.at() == null ? null : Timestamp.from(until.at()));
            if (!checkpoint.isEmpty()) {
                start = checkpoint.get(0);
            }
        } catch (SerializationException stale) {
            // A checkpoint of an earlier shape of the aggregate: the events are the truth, replay them instead.
            LOG.warn("ignoring an audit checkpoint of {} that no longer reads: {}", aggregate, stale.getMessage());
        }
        Optional<DomainEventMessage<?>> snapshot = events.readSnapshot(aggregate)
                .filter(taken -> (until.at() == null || !taken.getTimestamp().isAfter(until.at()))
                                 && taken.getSequenceNumber() <= until.sequence());
        if (snapshot.isPresent() && snapshot.get().getSequenceNumber() > start.sequence()) {
            start = new Start("snapshot", snapshot.get().getSequenceNumber(), snapshot.get().getPayload());
        }
        return start;
    }

    private static Object newRoot(AggregateModel<?> model) {
        try {
            var constructor = model.entityClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.entityClass() + " has no constructor for event sourcing", e);
        }
    }
}
