package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.NotFound;
import io.benefitledger.offer.GtmOffer;
import io.benefitledger.partner.Partner;
import io.benefitledger.pkg.BenefitPackage;
import io.benefitledger.seat.Subscription;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The state of any aggregate as of a past instant, rebuilt the way the command side loads it: the aggregate's own
 * event sourcing handlers applied to its events recorded up to that instant. Starts from the latest snapshot when
 * that snapshot was itself taken by then, so a long history is not read from its first event.
 */
@Component
public class TimeTravel {

    /**
     * What an aggregate looked like at {@code asOf}: its state after {@code version}, the last event it had recorded
     * by then ({@code lastEvent}); {@code eventsApplied} were read after the snapshot it started from, if any.
     */
    public record AggregateAsOf(String aggregate, String type, Instant asOf, long version, LastEvent lastEvent,
                                boolean fromSnapshot, long eventsApplied, JsonNode state) {
    }

    public record LastEvent(long position, String eventId, String type, Instant recordedAt) {
    }

    private final Map<String, AggregateModel<?>> models;
    private final EventStorageEngine events;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;

    /** Aggregates are inspected as the command side inspects them: their handlers may take Spring beans. */
    TimeTravel(Configuration axon, EventStorageEngine events, Serializer serializer, JdbcTemplate jdbc) {
        this.models = Stream.of(BenefitPackage.class, Subscription.class, GtmOffer.class, Partner.class)
                .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, type -> AnnotatedAggregateMetaModelFactory
                        .inspectAggregate(type, axon.parameterResolverFactory(), axon.handlerDefinition(type))));
        this.events = events;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AggregateAsOf asOf(String partner, String aggregate, Instant at) {
        AggregateModel<?> model = jdbc.query("select e.type from domain_event_entry e where e.aggregate_identifier = ?"
                                             + " and e.sequence_number = 0 and " + AuditTrail.OF_PARTNER,
                        (row, index) -> models.get(row.getString(1)), aggregate, partner)
                .stream().findFirst()
                .orElseThrow(() -> new NotFound("aggregate", aggregate));
        return rebuild(model, aggregate, at);
    }

    private <T> AggregateAsOf rebuild(AggregateModel<T> model, String aggregate, Instant at) {
        Optional<DomainEventMessage<?>> snapshot = events.readSnapshot(aggregate)
                .filter(taken -> !taken.getTimestamp().isAfter(at));
        AtomicLong applied = new AtomicLong();
        AtomicLong version = new AtomicLong(snapshot.map(DomainEventMessage::getSequenceNumber).orElse(-1L));
        // Events are read lazily, in batches: the stream stops at the first event recorded after the instant.
        Stream<? extends DomainEventMessage<?>> upToInstant = events
                .readEvents(aggregate, version.get() + 1)
                .asStream()
                .takeWhile(event -> !event.getTimestamp().isAfter(at))
                .peek(event -> {
                    applied.incrementAndGet();
                    version.set(event.getSequenceNumber());
                });
        T root = snapshot.isPresent() ? model.entityClass().cast(snapshot.get().getPayload()) : newRoot(model);
        EventSourcedAggregate<T> rebuilt = EventSourcedAggregate.initialize(root, model, null, NoSnapshotTriggerDefinition.TRIGGER);
        rebuilt.initializeState(DomainEventStream.of(upToInstant, version::get));
        if (version.get() < 0) {
            throw new NotFound("aggregate as of " + at, aggregate);
        }
        LastEvent last = jdbc.queryForObject("""
                        select global_index, event_identifier, payload_type, time_stamp from domain_event_entry
                        where aggregate_identifier = ? and sequence_number = ?""",
                (row, index) -> new LastEvent(row.getLong(1), row.getString(2),
                        row.getString(3).substring(row.getString(3).lastIndexOf('.') + 1), Instant.parse(row.getString(4))),
                aggregate, version.get());
        return new AggregateAsOf(aggregate, model.entityClass().getSimpleName(), at, version.get(), last, snapshot.isPresent(),
                applied.get(), serializer.serialize(rebuilt.getAggregateRoot(), JsonNode.class).getData());
    }

    private static <T> T newRoot(AggregateModel<T> model) {
        try {
            var constructor = model.entityClass().getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(model.entityClass() + " has no constructor for event sourcing", e);
        }
    }
}
