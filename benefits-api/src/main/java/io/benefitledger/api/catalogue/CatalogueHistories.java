package io.benefitledger.api.catalogue;

import io.benefitledger.catalogue.Offering;
import io.benefitledger.catalogue.OfferingHistory;
import io.benefitledger.catalogue.Offerings;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.pkg.OfferingId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The catalogue read from the offerings' own events, in the caller's transaction (a purchase's, or a read's own),
 * folded by {@link OfferingHistory#with}, the aggregate's fold. Offerings are few and their histories short (a version
 * per revision), so reading them costs less than keeping a read model in step. Never from a snapshot.
 * <p>
 * Each offering's fold is kept, with the sequence number of its last event, and used while the store holds no other
 * last event of it (one look at the store's unique index, in the caller's transaction, as {@code AggregateCache}
 * does); events recorded since, on any node, are read and folded on. A purchase read the whole history twice
 * otherwise (its offering, then the offers its policy grants), 14 % of its request thread. Within one unit of work an
 * offering is looked at once.
 */
@Component
class CatalogueHistories implements Offerings {

    private static final String CATALOGUE = Offering.STORE_PREFIX.substring(0, Offering.STORE_PREFIX.length() - 1);

    private static final String RESOURCE = CatalogueHistories.class.getName() + "/";

    /** An offering's history and the sequence number of the last event folded into it. */
    private record Folded(OfferingHistory history, long lastSequence) {
    }

    private final EventStore events;
    private final JdbcTemplate jdbc;
    private final Map<OfferingId, Folded> folded = new ConcurrentHashMap<>();

    CatalogueHistories(EventStore events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OfferingHistory> find(OfferingId offering) {
        OfferingHistory history = CurrentUnitOfWork.isStarted()
                ? CurrentUnitOfWork.get().root().getOrComputeResource(RESOURCE + offering.value(), key -> asStored(offering))
                : asStored(offering);
        return history.isPublished() ? Optional.of(history) : Optional.empty();
    }

    private OfferingHistory asStored(OfferingId offering) {
        String aggregate = Offering.idOf(offering);
        Long stored = jdbc.queryForObject(
                "select max(sequence_number) from domain_event_entry where aggregate_identifier = ?", Long.class, aggregate);
        if (stored == null) {
            return OfferingHistory.of(offering);
        }
        Folded known = folded.get(offering);
        if (known != null && known.lastSequence() == stored) {
            return known.history();
        }
        // A kept fold ahead of the store was of a publication rolled back: fold again from the first event.
        Folded from = known == null || known.lastSequence() > stored ? new Folded(OfferingHistory.of(offering), -1) : known;
        Folded now = events.readEvents(aggregate, from.lastSequence() + 1).asStream()
                .reduce(from, (fold, event) -> new Folded(fold.history().with(event.getPayload()), event.getSequenceNumber()),
                        (first, second) -> second);
        folded.put(offering, now);
        return now.history();
    }

    @Override
    public List<OfferingHistory> all() {
        // the partner_id column holds what precedes the first slash of an aggregate's identifier (migration V15)
        return jdbc.queryForList("""
                        select distinct aggregate_identifier from domain_event_entry
                        where partner_id = ? order by aggregate_identifier""", String.class, CATALOGUE).stream()
                .map(id -> find(new OfferingId(AggregateId.localOf(id))).orElseThrow())
                .toList();
    }
}
