package io.benefitledger.query.gtm;

import io.benefitledger.offer.ContactDesignated;
import io.benefitledger.offer.OfferActivated;
import io.benefitledger.offer.OfferActivationRequested;
import io.benefitledger.offer.OfferExpired;
import io.benefitledger.offer.OfferUsed;
import io.benefitledger.offer.OffersGranted;
import io.benefitledger.offer.OffersWithdrawn;
import io.benefitledger.query.BatchRows;
import io.benefitledger.query.Columns;
import io.benefitledger.query.ReadSide;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/** Builds the Go-To-Market tab: the marketing contact and every offer with its activation and expiry. */
@Component
@ProcessingGroup(ReadSide.GROUP)
public class GoToMarketTabProjection {

    private final JdbcTemplate jdbc;
    private final MarketingContactRepository contacts;
    private final MarketingOfferRepository offers;
    private final BatchRows<MarketingOffer.Key, MarketingOffer> batchOffers;
    private final BatchRows<String, MarketingContact> batchContacts;

    GoToMarketTabProjection(JdbcTemplate jdbc, MarketingContactRepository contacts, MarketingOfferRepository offers) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.offers = offers;
        this.batchOffers = new BatchRows<>("gtm_offer", GoToMarketTabProjection::partnerOfOffers,
                partners -> ofPartners("gtm_offer", partners, MarketingOffer::read), MarketingOffer::key,
                changed -> write(MarketingOffer.UPSERT, changed, (statement, offer) -> offer.bind(statement)));
        this.batchContacts = new BatchRows<>("gtm_contact", GoToMarketTabProjection::partnerOfOffers,
                partners -> ofPartners("gtm_contact", partners, MarketingContact::read), MarketingContact::partnerId,
                changed -> write(MarketingContact.UPSERT, changed, (statement, contact) -> contact.bind(statement)));
    }

    @EventHandler
    void on(OffersGranted event, @SequenceNumber long sequence) {
        event.offers().forEach(grant -> batchOffers.find(new MarketingOffer.Key(event.partnerId().value(), grant.offerId().value()))
                .ifPresentOrElse(
                        offer -> {
                            if (!offer.hasSeen(sequence)) {
                                offer.granted(event.packageId().value(), grant.name(), event.at(), sequence);
                                batchOffers.changed(offer);
                            }
                        },
                        () -> batchOffers.add(new MarketingOffer(event.partnerId().value(), grant.offerId().value(),
                                event.packageId().value(), grant.name(), event.at(), sequence))));
    }

    @EventHandler
    void on(ContactDesignated event, @SequenceNumber long sequence) {
        batchContacts.find(event.partnerId().value()).ifPresentOrElse(
                contact -> {
                    if (!contact.hasSeen(sequence)) {
                        contact.designated(event.contact().value(), event.alternativeEmail().value(), event.phone().value(),
                                event.preferredLanguage().value(), event.designatedBy().value(), event.at(), sequence);
                        batchContacts.changed(contact);
                    }
                },
                () -> batchContacts.add(new MarketingContact(event.partnerId().value(), event.contact().value(),
                        event.alternativeEmail().value(), event.phone().value(), event.preferredLanguage().value(),
                        event.designatedBy().value(), event.at(), sequence)));
    }

    @EventHandler
    void on(OfferActivationRequested event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.offerId().value(), sequence, offer -> offer.requested(event.at(), sequence));
    }

    @EventHandler
    void on(OfferActivated event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.offerId().value(), sequence,
                offer -> offer.activated(event.at(), event.expiresAt(), sequence));
    }

    @EventHandler
    void on(OfferUsed event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.offerId().value(), sequence, offer -> offer.used(event.at(), sequence));
    }

    @EventHandler
    void on(OfferExpired event, @SequenceNumber long sequence) {
        update(event.partnerId().value(), event.offerId().value(), sequence, offer -> offer.expired(sequence));
    }

    @EventHandler
    void on(OffersWithdrawn event, @SequenceNumber long sequence) {
        event.offers().forEach(offerId -> update(event.partnerId().value(), offerId.value(), sequence,
                offer -> offer.withdrawn(sequence)));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from gtm_offer");
        jdbc.update("delete from gtm_contact");
    }

    @QueryHandler
    @Transactional(readOnly = true)
    GoToMarketTab handle(FindGoToMarket query) {
        return new GoToMarketTab(
                contacts.findById(query.partnerId()).map(MarketingContact::view).orElse(null),
                offers.findByPartnerIdOrderByGrantedAtAscOfferIdAsc(query.partnerId()).stream()
                        .map(MarketingOffer::view).toList());
    }

    private void update(String partnerId, String offerId, long sequence, Consumer<MarketingOffer> change) {
        batchOffers.find(new MarketingOffer.Key(partnerId, offerId)).filter(offer -> !offer.hasSeen(sequence))
                .ifPresent(offer -> {
                    change.accept(offer);
                    batchOffers.changed(offer);
                });
    }

    /**
     * A partner's offers and contact are its go-to-market aggregate's ({@code contoso/go-to-market}), whose events are
     * those of the offer package; other events of the batch have none of them.
     */
    private static String partnerOfOffers(DomainEventMessage<?> event) {
        if (!event.getPayloadType().getPackageName().equals(OffersGranted.class.getPackageName())) {
            return null;
        }
        String aggregate = event.getAggregateIdentifier();
        int slash = aggregate.indexOf('/');
        return slash < 0 ? null : aggregate.substring(0, slash);
    }

    private <R> List<R> ofPartners(String table, Collection<String> partners, RowMapper<R> rows) {
        // a join on the ids, not = any (?): Columns.texts
        return jdbc.query("select kept.* from unnest(?) as partner (id) join " + table + " kept on kept.partner_id = partner.id",
                statement -> statement.setArray(1, Columns.texts(statement.getConnection(), partners)), rows);
    }

    private <R> void write(String upsert, List<R> changed, ParameterizedPreparedStatementSetter<R> bind) {
        jdbc.batchUpdate(upsert, changed, changed.size(), bind);
    }
}
