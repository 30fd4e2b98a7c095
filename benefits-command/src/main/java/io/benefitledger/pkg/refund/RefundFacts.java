package io.benefitledger.pkg.refund;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.pkg.BenefitCancelled;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.OfferCancelled;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What the refund rule looks at in a package's history: its purchase, the activations of its software benefits
 * (key reveals) and a refunded cancellation, of the package or of one of its benefits or offers. The aggregate, the projection and the audit replay all fold a package's
 * events into this with {@link #fold}, the one place that says which events count and what each means, and ask
 * {@link RefundRules} for the decision.
 * <p>
 * The first reveal is always kept: from its instant on, "no software activated" fails whatever comes after. Later
 * reveals are kept only while a rule version that lists every reveal as evidence is in force
 * ({@link RefundRules#keepsEveryRevealAt}); keeping every one made a package that reveals keys for years carry every
 * reveal in its state, and load, snapshot and replay ever more slowly.
 *
 * @param firstSoftwareActivation null while no key of the package was revealed
 * @param laterSoftwareActivations the reveals after the first that a rule version in force at their instant needs
 * @param cancellation            null unless the package was cancelled with a refund
 * @param cancelledBenefits       the benefits (subscriptions) of the package cancelled with a refund on their own
 * @param cancelledOffers         the Go-To-Market offers the package granted, cancelled with a refund on their own,
 *                                by offer id
 */
public record RefundFacts(Evidence purchase, Evidence firstSoftwareActivation, List<Evidence> laterSoftwareActivations,
                          Evidence cancellation, Map<String, Evidence> cancelledBenefits,
                          Map<String, Evidence> cancelledOffers) {

    public RefundFacts {
        Objects.requireNonNull(purchase, "purchase");
        laterSoftwareActivations = List.copyOf(laterSoftwareActivations);
        // Absent from the state of a package stored before single benefits, or offers, could be cancelled.
        cancelledBenefits = cancelledBenefits == null ? Map.of() : Map.copyOf(cancelledBenefits);
        cancelledOffers = cancelledOffers == null ? Map.of() : Map.copyOf(cancelledOffers);
    }

    public RefundFacts(Evidence purchase, Evidence firstSoftwareActivation, List<Evidence> laterSoftwareActivations,
                       Evidence cancellation) {
        this(purchase, firstSoftwareActivation, laterSoftwareActivations, cancellation, Map.of(), Map.of());
    }

    /**
     * The facts one benefit of the package is decided on, by the same rule: the package's, with the benefit's own
     * refunded cancellation as the cancellation unless the package's came first.
     */
    public RefundFacts ofBenefit(String subscriptionId) {
        return withOwnCancellation(cancelledBenefits.get(subscriptionId));
    }

    /** The facts one offer the package granted is decided on: as {@link #ofBenefit}, with the offer's own cancellation. */
    public RefundFacts ofOffer(OfferId offerId) {
        return withOwnCancellation(cancelledOffers.get(offerId.value()));
    }

    private RefundFacts withOwnCancellation(Evidence own) {
        return own == null || cancellation != null && !cancellation.at().isAfter(own.at()) ? this
                : new RefundFacts(purchase, firstSoftwareActivation, laterSoftwareActivations, own, cancelledBenefits,
                cancelledOffers);
    }

    /**
     * Folds one event of a package's history into its refund facts: a purchase starts them, a key reveal activates
     * the package's software, a refunded cancellation cancels it, and any other event leaves them as they are.
     *
     * @param facts          the facts folded so far; null before the package's purchase
     * @param event          the event's payload, of whatever type: one the rule does not look at changes nothing
     * @param eventId        the event's identifier in the event store
     * @param sequenceNumber the event's place in its package's history
     * @param rules          the rule's versions in force, which say whether a reveal after the first is kept
     * @return the facts after the event
     */
    public static RefundFacts fold(RefundFacts facts, Object event, String eventId, long sequenceNumber,
                                   RefundRules rules) {
        if (event instanceof PackagePurchased purchased) {
            return new RefundFacts(evidence(event, eventId, purchased.at(), sequenceNumber), null, List.of(), null);
        }
        if (event instanceof KeysRevealed revealed) {
            return purchased(facts, event).withSoftwareActivated(
                    evidence(event, eventId, revealed.at(), sequenceNumber), rules);
        }
        if (event instanceof PackageCancelled cancelled) {
            return purchased(facts, event).withCancellation(evidence(event, eventId, cancelled.at(), sequenceNumber));
        }
        if (event instanceof BenefitCancelled cancelled) {
            return purchased(facts, event).withBenefitCancelled(cancelled.subscriptionId().value(),
                    evidence(event, eventId, cancelled.at(), sequenceNumber));
        }
        if (event instanceof OfferCancelled cancelled) {
            return purchased(facts, event).withOfferCancelled(cancelled.offerId(),
                    evidence(event, eventId, cancelled.at(), sequenceNumber));
        }
        return facts;
    }

    private static RefundFacts purchased(RefundFacts facts, Object event) {
        if (facts == null) {
            throw new IllegalArgumentException("a package's history begins with its purchase, not with "
                    + event.getClass().getSimpleName());
        }
        return facts;
    }

    private static Evidence evidence(Object event, String eventId, Instant at, long sequenceNumber) {
        return new Evidence(eventId, event.getClass().getSimpleName(), at, sequenceNumber);
    }

    private RefundFacts withSoftwareActivated(Evidence reveal, RefundRules rules) {
        if (firstSoftwareActivation == null) {
            return new RefundFacts(purchase, reveal, laterSoftwareActivations, cancellation, cancelledBenefits,
                    cancelledOffers);
        }
        if (!rules.keepsEveryRevealAt(reveal.at())) {
            return this;
        }
        List<Evidence> later = new ArrayList<>(laterSoftwareActivations);
        later.add(reveal);
        return new RefundFacts(purchase, firstSoftwareActivation, later, cancellation, cancelledBenefits, cancelledOffers);
    }

    private RefundFacts withCancellation(Evidence refundedCancellation) {
        return new RefundFacts(purchase, firstSoftwareActivation, laterSoftwareActivations, refundedCancellation,
                cancelledBenefits, cancelledOffers);
    }

    private RefundFacts withBenefitCancelled(String subscriptionId, Evidence refundedCancellation) {
        Map<String, Evidence> cancelled = new HashMap<>(cancelledBenefits);
        cancelled.putIfAbsent(subscriptionId, refundedCancellation);
        return new RefundFacts(purchase, firstSoftwareActivation, laterSoftwareActivations, cancellation, cancelled,
                cancelledOffers);
    }

    private RefundFacts withOfferCancelled(OfferId offerId, Evidence refundedCancellation) {
        Map<String, Evidence> cancelled = new HashMap<>(cancelledOffers);
        cancelled.putIfAbsent(offerId.value(), refundedCancellation);
        return new RefundFacts(purchase, firstSoftwareActivation, laterSoftwareActivations, cancellation,
                cancelledBenefits, cancelled);
    }

    /** Every reveal kept, the first first. */
    public List<Evidence> softwareActivations() {
        return firstSoftwareActivation == null ? List.of()
                : Stream.concat(Stream.of(firstSoftwareActivation), laterSoftwareActivations.stream()).toList();
    }
}
