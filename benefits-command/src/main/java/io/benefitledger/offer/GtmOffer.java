package io.benefitledger.offer;

import io.benefitledger.NotFound;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.NotPermitted;
import io.benefitledger.partner.PartnerDirectory;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.Role;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.PackageId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A partner's Go-To-Market offers: its company marketing contact and the activation of each offer its packages
 * entitle it to. One aggregate per partner holds both, so that "no offer is activated while the partner has no
 * marketing contact" is decided consistently, never from an eventually consistent read model.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger", commandTargetResolver = "ifMatchTargetResolver",
        cache = "aggregateCache")
public class GtmOffer {

    /** One offer's state: who granted it, where it stands, and until when it can be used once active. */
    record Offer(PackageId grantedBy, OfferGrant grant, OfferStatus status, Instant expiresAt) {
        Offer with(OfferStatus newStatus, Instant newExpiry) {
            return new Offer(grantedBy, grant, newStatus, newExpiry);
        }
    }

    @AggregateIdentifier
    private AggregateId id;
    private PartnerId partnerId;
    private boolean hasMarketingContact;
    private Map<OfferId, Offer> offers;
    private Instant lastChange;

    /** A partner's offers are one aggregate, named after the partner. */
    public static AggregateId idOf(PartnerId partner) {
        return AggregateId.of(partner, "go-to-market");
    }

    protected GtmOffer() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public GtmOffer(OpenGoToMarket command) {
        apply(new GoToMarketOpened(command.partnerId(), command.at()));
    }

    @CommandHandler
    void handle(GrantOffers command) {
        List<OfferGrant> newOffers = command.offers().stream()
                .filter(grant -> !offers.containsKey(grant.offerId()) || offers.get(grant.offerId()).status().isOver())
                .toList();
        if (!newOffers.isEmpty()) {
            apply(new OffersGranted(partnerId, command.packageId(), newOffers, inOrder(command.at())));
        }
    }

    @CommandHandler
    void handle(DesignateMarketingContact command, PartnerDirectory directory, ProgramLanguages languages) {
        goToMarketAdmin(directory, command.designatedBy(), "designate the marketing contact");
        LanguageTag language = languages.supported(command.preferredLanguage());
        if (directory.user(partnerId, command.contact()).isEmpty()) {
            throw OfferRefused.contactNotInDirectory();
        }
        if (directory.companyAccountEmail(partnerId).filter(command.alternativeEmail()::sameAddressAs).isPresent()) {
            throw OfferRefused.alternativeEmailIsCompanyEmail();
        }
        apply(new ContactDesignated(partnerId, command.contact(), command.alternativeEmail(), command.phone(),
                language, command.designatedBy(), inOrder(command.at())));
    }

    @CommandHandler
    void handle(ActivateOffer command, PartnerDirectory directory) {
        goToMarketAdmin(directory, command.activatedBy(), "activate Go-To-Market offers");
        Offer offer = offer(command.offerId());
        Instant at = inOrder(command.at());
        switch (offer.status()) {
            case WITHDRAWN -> throw OfferRefused.withdrawn(command.offerId());
            case EXPIRED -> throw OfferRefused.expired(command.offerId(), offer.expiresAt());
            case PENDING -> throw OfferRefused.pending(command.offerId());
            case ACTIVE -> throw at.isAfter(offer.expiresAt())
                    ? OfferRefused.expired(command.offerId(), offer.expiresAt())
                    : OfferRefused.active(command.offerId(), offer.expiresAt());
            case GRANTED -> {
                // the one status an offer is activated from
            }
        }
        if (!hasMarketingContact) {
            throw OfferRefused.noMarketingContact();
        }
        apply(new OfferActivationRequested(partnerId, command.offerId(), command.activatedBy(), at));
    }

    @CommandHandler
    void handle(ConfirmOfferFulfilment command) {
        Offer offer = offer(command.offerId());
        if (offer.status() != OfferStatus.PENDING) {
            throw OfferRefused.notPending(command.offerId(), offer.status());
        }
        Instant at = inOrder(command.at());
        apply(new OfferActivated(partnerId, command.offerId(), command.fulfilmentReference(),
                at.plus(offer.grant().validity()), at));
    }

    @CommandHandler
    void handle(UseOffer command, PartnerDirectory directory) {
        goToMarketAdmin(directory, command.usedBy(), "use Go-To-Market offers");
        Offer offer = offer(command.offerId());
        switch (offer.status()) {
            case WITHDRAWN -> throw OfferRefused.withdrawn(command.offerId());
            case EXPIRED -> throw OfferRefused.expired(command.offerId(), offer.expiresAt());
            case GRANTED, PENDING -> throw OfferRefused.notActive(command.offerId(), offer.status());
            case ACTIVE -> {
                // the one status an offer is used in
            }
        }
        Instant at = inOrder(command.at());
        if (at.isAfter(offer.expiresAt())) {
            throw OfferRefused.expired(command.offerId(), offer.expiresAt());
        }
        apply(new OfferUsed(partnerId, command.offerId(), command.usedBy(), command.purpose(), at));
    }

    /**
     * The offer's expiry has come: recorded at the expiry itself, whenever the schedule delivers it. A deadline that
     * no longer applies (the offer was withdrawn, expired already, or was granted and activated anew since) records
     * nothing, so a deadline delivered twice is recorded once.
     */
    @CommandHandler
    void handle(ExpireOffer command) {
        Offer offer = offers.get(command.offerId());
        if (offer != null && offer.status() == OfferStatus.ACTIVE && command.expiresAt().equals(offer.expiresAt())) {
            apply(new OfferExpired(partnerId, command.offerId(), offer.grantedBy(), offer.expiresAt()));
        }
    }

    @CommandHandler
    void handle(WithdrawOffers command) {
        List<OfferId> withdrawn = offers.entrySet().stream()
                .filter(entry -> entry.getValue().grantedBy().equals(command.packageId())
                                 && !entry.getValue().status().isOver())
                .map(Map.Entry::getKey)
                .sorted(Comparator.comparing(OfferId::value))
                .toList();
        if (!withdrawn.isEmpty()) {
            apply(new OffersWithdrawn(partnerId, command.packageId(), withdrawn, command.reason(), inOrder(command.at())));
        }
    }

    @CommandHandler
    void handle(WithdrawOffer command) {
        Offer offer = offers.get(command.offerId());
        if (offer != null && offer.grantedBy().equals(command.packageId()) && !offer.status().isOver()) {
            apply(new OffersWithdrawn(partnerId, command.packageId(), List.of(command.offerId()), command.reason(),
                    inOrder(command.at())));
        }
    }

    /** The package that granted the offer, if the partner holds it. */
    public Optional<PackageId> grantorOf(OfferId offerId) {
        return Optional.ofNullable(offers.get(offerId)).map(Offer::grantedBy);
    }

    @EventSourcingHandler
    void on(GoToMarketOpened event) {
        id = idOf(event.partnerId());
        partnerId = event.partnerId();
        offers = new HashMap<>();
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(OffersGranted event) {
        event.offers().forEach(grant -> offers.put(grant.offerId(),
                new Offer(event.packageId(), grant, OfferStatus.GRANTED, null)));
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(ContactDesignated event) {
        hasMarketingContact = true;
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(OfferActivationRequested event) {
        offers.computeIfPresent(event.offerId(), (id, offer) -> offer.with(OfferStatus.PENDING, null));
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(OfferActivated event) {
        offers.computeIfPresent(event.offerId(), (id, offer) -> offer.with(OfferStatus.ACTIVE, event.expiresAt()));
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(OfferUsed event) {
        lastChange = event.at();
    }

    @EventSourcingHandler
    void on(OfferExpired event) {
        offers.computeIfPresent(event.offerId(), (id, offer) -> offer.with(OfferStatus.EXPIRED, offer.expiresAt()));
        // Stamped with the expiry, which may precede a change recorded before the schedule delivered it.
        lastChange = event.at().isAfter(lastChange) ? event.at() : lastChange;
    }

    @EventSourcingHandler
    void on(OffersWithdrawn event) {
        event.offers().forEach(offerId ->
                offers.computeIfPresent(offerId, (id, offer) -> offer.with(OfferStatus.WITHDRAWN, offer.expiresAt())));
        lastChange = event.at();
    }

    private Offer offer(OfferId offerId) {
        Offer offer = offers.get(offerId);
        if (offer == null) {
            throw new NotFound("offer", offerId);
        }
        return offer;
    }

    private void goToMarketAdmin(PartnerDirectory directory, UserId actor, String what) {
        if (directory.user(partnerId, actor).filter(user -> user.hasAnyRole(Role.GLOBAL_ADMIN, Role.MPN_PARTNER_ADMIN))
                .isEmpty()) {
            throw new NotPermitted(actor, what + ": only a Global admin or MPN partner admin may");
        }
    }

    private Instant inOrder(Instant at) {
        return at.isBefore(lastChange) ? lastChange : at;
    }
}
