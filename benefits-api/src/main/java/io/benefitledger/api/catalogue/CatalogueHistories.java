package io.benefitledger.api.catalogue;

import io.benefitledger.catalogue.Offering;
import io.benefitledger.catalogue.OfferingHistory;
import io.benefitledger.catalogue.Offerings;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.pkg.OfferingId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The catalogue read from the offerings' own events, in the caller's transaction (a purchase's, or a read's own),
 * folded by {@link OfferingHistory#with}, the aggregate's fold. Offerings are few and their histories short (a version
 * per revision), so reading them costs less than keeping a read model in step. Read from the first event, never from
 * a snapshot.
 */
@Component
class CatalogueHistories implements Offerings {

    private static final String CATALOGUE = Offering.STORE_PREFIX.substring(0, Offering.STORE_PREFIX.length() - 1);

    private final EventStore events;
    private final JdbcTemplate jdbc;

    CatalogueHistories(EventStore events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<OfferingHistory> find(OfferingId offering) {
        OfferingHistory history = events.readEvents(Offering.idOf(offering), 0).asStream()
                .map(DomainEventMessage::getPayload)
                .reduce(OfferingHistory.of(offering), OfferingHistory::with, (first, second) -> second);
        return history.isPublished() ? Optional.of(history) : Optional.empty();
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
