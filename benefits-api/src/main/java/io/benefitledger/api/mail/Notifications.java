package io.benefitledger.api.mail;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.offer.OfferActivated;
import io.benefitledger.offer.OfferActivationRequested;
import io.benefitledger.offer.OfferExpired;
import io.benefitledger.offer.OffersWithdrawn;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.BenefitCancellationDenied;
import io.benefitledger.pkg.BenefitCancelled;
import io.benefitledger.pkg.CancellationDenied;
import io.benefitledger.pkg.OfferCancellationDenied;
import io.benefitledger.pkg.OfferCancelled;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.refund.Finding;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.seat.ActivationFulfilled;
import io.benefitledger.seat.AssignmentRemoved;
import io.benefitledger.seat.UserAssigned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Decides the mails the program promises, from the events, into the outbox. A processing group of its own, not the
 * read models', so that a rebuild of the read models never reaches it; it starts at the head of the log (a ledger
 * with years of history does not mail it when this ships), and a replay of it sends nothing again
 * ({@link DisallowReplay}). Each mail is stored in the transaction that moves this processor's token, under its
 * event's id, so a mail is decided once however often its event is handled.
 */
@Component
@ProcessingGroup(Notifications.GROUP)
@DisallowReplay
class Notifications {

    static final String GROUP = "notifications";

    private static final Logger LOG = LoggerFactory.getLogger(Notifications.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final MailFacts facts;
    private final MailTemplates templates;
    private final Outbox outbox;
    private final Duration offerReminder;
    private final String messageDomain;

    Notifications(MailFacts facts, MailTemplates templates, Outbox outbox,
                  @Value("${ledger.mail.offer-expiry-reminder}") Duration offerReminder,
                  @Value("${ledger.mail.from}") String from) {
        this.facts = facts;
        this.templates = templates;
        this.outbox = outbox;
        this.offerReminder = offerReminder;
        this.messageDomain = from.substring(from.indexOf('@') + 1);
    }

    @EventHandler
    void on(UserAssigned event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        MailFacts.Subscription subscription = facts.subscription(event.partnerId(), event.subscriptionId(), sequence);
        BenefitKind kind = subscription.opened().kind();
        Map<String, String> about = Map.of("benefit", subscription.opened().benefitName(),
                "package", subscription.opened().packageId().value(), "subscription", event.subscriptionId().value());
        if (kind == BenefitKind.TECHNICAL) {
            decide(eventId, MailTemplate.TECHNICAL_BENEFIT_ASSIGNED, event.partnerId(), event.subscriptionId().value(),
                    assigneeAddresses(event), null, about, List.of(), event.at(), event.at());
        } else if (kind == BenefitKind.VISUAL_STUDIO) {
            decide(eventId, MailTemplate.SEAT_ASSIGNED, event.partnerId(), event.subscriptionId().value(),
                    addresses(facts.accountEmail(event.partnerId(), event.assignee())), null, about, List.of(),
                    event.at(), event.at());
        }
    }

    @EventHandler
    void on(ActivationFulfilled event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        MailFacts.Subscription subscription = facts.subscription(event.partnerId(), event.subscriptionId(), sequence);
        decide(eventId, MailTemplate.TECHNICAL_BENEFIT_ACTIVE, event.partnerId(), event.subscriptionId().value(),
                assigneeAddresses(subscription.lastAssigned()), null,
                Map.of("benefit", subscription.opened().benefitName(), "package", subscription.opened().packageId().value(),
                        "fulfilmentReference", event.fulfilmentReference()), List.of(), event.at(), event.at());
    }

    @EventHandler
    void on(AssignmentRemoved event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        MailFacts.Subscription subscription = facts.subscription(event.partnerId(), event.subscriptionId(), sequence);
        if (subscription.opened().kind() == BenefitKind.VISUAL_STUDIO) {
            decide(eventId, MailTemplate.SEAT_REMOVED, event.partnerId(), event.subscriptionId().value(),
                    addresses(facts.accountEmail(event.partnerId(), event.formerAssignee())), null,
                    Map.of("benefit", subscription.opened().benefitName(), "subscription", event.subscriptionId().value()),
                    List.of(), event.at(), event.at());
        }
    }

    @EventHandler
    void on(OfferActivationRequested event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        toMarketingContact(eventId, MailTemplate.OFFER_ACTIVATION_REQUESTED, event.partnerId(), event.offerId(), sequence,
                null, event.at(), event.at());
    }

    /**
     * The offer is active: the contact is told now, and reminded {@code offer-expiry-reminder} before it expires by a
     * mail stored now and due then (none when the offer expires sooner than that: this mail names the expiry).
     */
    @EventHandler
    void on(OfferActivated event, @MessageIdentifier String eventId, @SequenceNumber long sequence) {
        toMarketingContact(eventId, MailTemplate.OFFER_ACTIVE, event.partnerId(), event.offerId(), sequence,
                event.expiresAt(), event.at(), event.at());
        Instant remindAt = event.expiresAt().minus(offerReminder);
        if (remindAt.isAfter(event.at())) {
            toMarketingContact(eventId, MailTemplate.OFFER_EXPIRING_SOON, event.partnerId(), event.offerId(), sequence,
                    event.expiresAt(), event.at(), remindAt);
        }
    }

    @EventHandler
    void on(OffersWithdrawn event) {
        for (OfferId offer : event.offers()) {
            outbox.cancelPending(MailTemplate.OFFER_EXPIRING_SOON, event.partnerId().value(), offer.value());
        }
    }

    /** A reminder the outbox still holds (mail server away, or the expiry came sooner) is pointless after the expiry. */
    @EventHandler
    void on(OfferExpired event) {
        outbox.cancelPending(MailTemplate.OFFER_EXPIRING_SOON, event.partnerId().value(), event.offerId().value());
    }

    @EventHandler
    void on(PackageCancelled event, @MessageIdentifier String eventId) {
        refund(eventId, MailTemplate.REFUND_GRANTED, event.partnerId(), event.packageId().value(), event.packageId().value(),
                event.serviceRequest(), event.decision(), event.requestedBy(), event.at());
    }

    @EventHandler
    void on(CancellationDenied event, @MessageIdentifier String eventId) {
        refund(eventId, MailTemplate.REFUND_DENIED, event.partnerId(), event.packageId().value(), event.packageId().value(),
                event.serviceRequest(), event.decision(), event.requestedBy(), event.at());
    }

    @EventHandler
    void on(BenefitCancelled event, @MessageIdentifier String eventId) {
        refund(eventId, MailTemplate.REFUND_GRANTED, event.partnerId(), event.packageId().value(),
                event.subscriptionId().value(), event.serviceRequest(), event.decision(), event.requestedBy(), event.at());
    }

    @EventHandler
    void on(BenefitCancellationDenied event, @MessageIdentifier String eventId) {
        refund(eventId, MailTemplate.REFUND_DENIED, event.partnerId(), event.packageId().value(),
                event.subscriptionId().value(), event.serviceRequest(), event.decision(), event.requestedBy(), event.at());
    }

    @EventHandler
    void on(OfferCancelled event, @MessageIdentifier String eventId) {
        refund(eventId, MailTemplate.REFUND_GRANTED, event.partnerId(), event.packageId().value(),
                event.offerId().value(), event.serviceRequest(), event.decision(), event.requestedBy(), event.at());
    }

    @EventHandler
    void on(OfferCancellationDenied event, @MessageIdentifier String eventId) {
        refund(eventId, MailTemplate.REFUND_DENIED, event.partnerId(), event.packageId().value(),
                event.offerId().value(), event.serviceRequest(), event.decision(), event.requestedBy(), event.at());
    }

    /** The requesting admin and the company account e-mail. */
    private void refund(String eventId, MailTemplate template, PartnerId partner, String packageId, String what,
                        String serviceRequest, RefundDecision decision, UserId requestedBy, Instant at) {
        List<String> recipients = addresses(facts.accountEmail(partner, requestedBy), facts.companyAccountEmail(partner));
        decide(eventId, template, partner, packageId, recipients, null,
                Map.of("what", what, "serviceRequest", serviceRequest),
                decision.reasons().stream().map(Finding::condition).toList(), at, at);
    }

    /** The marketing contact's alternative e-mail, in their preferred language, as designated before the event. */
    private void toMarketingContact(String eventId, MailTemplate template, PartnerId partner, OfferId offer, long sequence,
                                    Instant expires, Instant at, Instant sendAfter) {
        MailFacts.Offers offers = facts.offers(partner, offer, sequence);
        if (offers.contact() == null) {
            LOG.warn("no mail {} for event {}: the partner has no marketing contact", template.code(), eventId);
            return;
        }
        Map<String, String> about = new LinkedHashMap<>();
        about.put("offer", offers.offerName());
        if (expires != null) {
            about.put("expires", DAY.format(expires));
        }
        decide(eventId, template, partner, offer.value(), List.of(offers.contact().alternativeEmail().value()),
                offers.contact().preferredLanguage().value(), about, List.of(), at, sendAfter);
    }

    /** A technical benefit's assignee, at the alternative e-mail and at the account e-mail both. */
    private List<String> assigneeAddresses(UserAssigned assigned) {
        Optional<String> alternative = Optional.ofNullable(assigned.alternativeEmail()).map(Object::toString);
        return addresses(alternative, facts.accountEmail(assigned.partnerId(), assigned.assignee()));
    }

    @SafeVarargs
    private static List<String> addresses(Optional<String>... addresses) {
        List<String> distinct = new ArrayList<>();
        for (Optional<String> address : addresses) {
            address.filter(candidate -> distinct.stream().noneMatch(candidate::equalsIgnoreCase)).ifPresent(distinct::add);
        }
        return distinct;
    }

    private void decide(String eventId, MailTemplate template, PartnerId partner, String about, List<String> recipients,
                        String preferredLanguage, Map<String, String> facts, List<String> reasons, Instant decidedAt,
                        Instant sendAfter) {
        if (recipients.isEmpty()) {
            LOG.warn("no mail {} for event {}: nobody to send it to is in the directory any more", template.code(), eventId);
            return;
        }
        Locale language = MailTemplates.language(preferredLanguage);
        outbox.store(new Outbox.Decided(eventId, template, partner.value(), about, recipients,
                templates.render(template, language, facts, reasons), decidedAt, sendAfter), messageDomain);
    }
}
