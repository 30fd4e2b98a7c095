package io.benefitledger.query.gtm;

import io.benefitledger.offer.ContactDesignated;
import io.benefitledger.offer.OfferActivated;
import io.benefitledger.offer.OfferActivationRequested;
import io.benefitledger.offer.OfferUsed;
import io.benefitledger.offer.OffersGranted;
import io.benefitledger.offer.OffersWithdrawn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.function.Consumer;

/** Builds the Go-To-Market tab: the marketing contact and every offer with its activation and expiry. */
@Component
@ProcessingGroup(GoToMarketTabProjection.NAME)
public class GoToMarketTabProjection {

    public static final String NAME = "go-to-market-tab";

    private final MarketingContactRepository contacts;
    private final MarketingOfferRepository offers;

    GoToMarketTabProjection(MarketingContactRepository contacts, MarketingOfferRepository offers) {
        this.contacts = contacts;
        this.offers = offers;
    }

    @EventHandler
    void on(OffersGranted event, TrackingToken token) {
        long position = position(token);
        event.offers().forEach(grant -> offers.findById(new MarketingOffer.Key(event.partnerId().value(), grant.offerId().value()))
                .ifPresentOrElse(
                        offer -> {
                            if (!offer.hasSeen(position)) {
                                offer.granted(event.packageId().value(), grant.name(), event.at(), position);
                            }
                        },
                        () -> offers.save(new MarketingOffer(event.partnerId().value(), grant.offerId().value(),
                                event.packageId().value(), grant.name(), event.at(), position))));
    }

    @EventHandler
    void on(ContactDesignated event, TrackingToken token) {
        long position = position(token);
        contacts.findById(event.partnerId().value()).ifPresentOrElse(
                contact -> {
                    if (!contact.hasSeen(position)) {
                        contact.designated(event.contact().value(), event.alternativeEmail().value(), event.phone().value(),
                                event.preferredLanguage().value(), event.designatedBy().value(), event.at(), position);
                    }
                },
                () -> contacts.save(new MarketingContact(event.partnerId().value(), event.contact().value(),
                        event.alternativeEmail().value(), event.phone().value(), event.preferredLanguage().value(),
                        event.designatedBy().value(), event.at(), position)));
    }

    @EventHandler
    void on(OfferActivationRequested event, TrackingToken token) {
        update(event.partnerId().value(), event.offerId().value(), token, offer -> offer.requested(event.at(), position(token)));
    }

    @EventHandler
    void on(OfferActivated event, TrackingToken token) {
        update(event.partnerId().value(), event.offerId().value(), token,
                offer -> offer.activated(event.at(), event.expiresAt(), position(token)));
    }

    @EventHandler
    void on(OfferUsed event, TrackingToken token) {
        update(event.partnerId().value(), event.offerId().value(), token, offer -> offer.used(event.at(), position(token)));
    }

    @EventHandler
    void on(OffersWithdrawn event, TrackingToken token) {
        event.offers().forEach(offerId -> update(event.partnerId().value(), offerId.value(), token,
                offer -> offer.withdrawn(position(token))));
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
                        .map(offer -> offer.view(query.at())).toList());
    }

    private void update(String partnerId, String offerId, TrackingToken token, Consumer<MarketingOffer> change) {
        offers.findById(new MarketingOffer.Key(partnerId, offerId)).filter(offer -> !offer.hasSeen(position(token)))
                .ifPresent(change);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow();
    }
}
