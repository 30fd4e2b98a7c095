package io.benefitledger.query.gtm;

import io.benefitledger.offer.ContactDesignated;
import io.benefitledger.offer.OfferActivated;
import io.benefitledger.offer.OfferActivationRequested;
import io.benefitledger.offer.OfferExpired;
import io.benefitledger.offer.OfferUsed;
import io.benefitledger.offer.OffersGranted;
import io.benefitledger.offer.OffersWithdrawn;
import io.benefitledger.query.ReadSide;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.function.Consumer;

/** Builds the Go-To-Market tab: the marketing contact and every offer with its activation and expiry. */
@Component
@ProcessingGroup(ReadSide.GROUP)
public class GoToMarketTabProjection {

    private final MarketingContactRepository contacts;
    private final MarketingOfferRepository offers;

    GoToMarketTabProjection(MarketingContactRepository contacts, MarketingOfferRepository offers) {
        this.contacts = contacts;
        this.offers = offers;
    }

    @EventHandler
    void on(OffersGranted event, @SequenceNumber long sequence) {
        event.offers().forEach(grant -> offers.findById(new MarketingOffer.Key(event.partnerId().value(), grant.offerId().value()))
                .ifPresentOrElse(
                        offer -> {
                            if (!offer.hasSeen(sequence)) {
                                offer.granted(event.packageId().value(), grant.name(), event.at(), sequence);
                            }
                        },
                        () -> offers.save(new MarketingOffer(event.partnerId().value(), grant.offerId().value(),
                                event.packageId().value(), grant.name(), event.at(), sequence))));
    }

    @EventHandler
    void on(ContactDesignated event, @SequenceNumber long sequence) {
        contacts.findById(event.partnerId().value()).ifPresentOrElse(
                contact -> {
                    if (!contact.hasSeen(sequence)) {
                        contact.designated(event.contact().value(), event.alternativeEmail().value(), event.phone().value(),
                                event.preferredLanguage().value(), event.designatedBy().value(), event.at(), sequence);
                    }
                },
                () -> contacts.save(new MarketingContact(event.partnerId().value(), event.contact().value(),
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
        offers.deleteAllInBatch();
        contacts.deleteAllInBatch();
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
        offers.findById(new MarketingOffer.Key(partnerId, offerId)).filter(offer -> !offer.hasSeen(sequence))
                .ifPresent(change);
    }
}
