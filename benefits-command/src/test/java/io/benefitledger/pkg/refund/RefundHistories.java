package io.benefitledger.pkg.refund;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.CancellationDenied;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.ProductId;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Generated package histories as the aggregate records them: a purchase, then key reveals and denied cancellation
 * requests in the order of their instants, perhaps ending with a refunded cancellation; decided by a timeline of
 * rule versions whose switch falls before, within or after the history. Gaps of 0 and 1 ms are favoured, so that
 * instants meet at the boundaries where an off-by-one would show.
 */
final class RefundHistories {

    static final PackageId PACKAGE = new PackageId("pkg-1");
    static final PartnerId PARTNER = new PartnerId("contoso");
    static final UserId ADMIN = new UserId("alice");
    static final ProductId WINDOWS = new ProductId("windows-server");
    static final LicensedProduct WINDOWS_SERVER = new LicensedProduct(WINDOWS, "Windows Server 2025", 10_000,
            List.of("en-US"), List.of("x64"), "https://downloads.example/windows-server/{language}/{os}", "");
    static final Instant LEDGER_START = Instant.parse("2025-01-01T00:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** A package's events in order, and the rule versions in force over them. */
    record History(List<Object> events, RefundRules rules) {

        PackagePurchased purchase() {
            return (PackagePurchased) events.get(0);
        }

        List<KeysRevealed> reveals() {
            return events.stream().filter(KeysRevealed.class::isInstance).map(KeysRevealed.class::cast).toList();
        }

        Optional<PackageCancelled> cancellation() {
            return events.stream().filter(PackageCancelled.class::isInstance).map(PackageCancelled.class::cast).findFirst();
        }

        Instant deadline() {
            return purchase().at().plus(RefundPolicy.WINDOW);
        }

        /** The facts folded from every event, each named by its place in the history as the store names it. */
        RefundFacts facts() {
            return foldUntil(Instant.MAX);
        }

        /** The facts folded from the events recorded at or before {@code at}, the history's prefix up to then. */
        RefundFacts foldUntil(Instant at) {
            RefundFacts facts = null;
            for (int i = 0; i < events.size() && !instantOf(events.get(i)).isAfter(at); i++) {
                facts = RefundFacts.fold(facts, events.get(i), eventId(i), i, rules);
            }
            return facts;
        }

        /** The instants where the decision may change, and a millisecond either side of each. */
        List<Instant> boundaries() {
            List<Instant> points = new ArrayList<>(List.of(purchase().at(), deadline()));
            events.forEach(event -> points.add(instantOf(event)));
            rules.terms().forEach(term -> points.add(term.effectiveFrom()));
            return points.stream().flatMap(point -> IntStream.of(-1, 0, 1).mapToObj(point::plusMillis))
                    .filter(point -> !point.isBefore(purchase().at())).toList();
        }
    }

    static String eventId(int sequenceNumber) {
        return "event-" + sequenceNumber;
    }

    static Instant instantOf(Object event) {
        if (event instanceof PackagePurchased purchased) {
            return purchased.at();
        }
        if (event instanceof KeysRevealed revealed) {
            return revealed.at();
        }
        if (event instanceof PackageCancelled cancelled) {
            return cancelled.at();
        }
        return ((CancellationDenied) event).at();
    }

    static PackagePurchased purchased(Instant at) {
        return new PackagePurchased(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                ADMIN, at);
    }

    static KeysRevealed revealed(Instant at) {
        return new KeysRevealed(PACKAGE, PARTNER, WINDOWS, List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), "en-US", "x64",
                "https://downloads.example/windows-server/en-US/x64", ADMIN, at);
    }

    static CancellationDenied denied(Instant at) {
        return new CancellationDenied(PACKAGE, PARTNER, "SR-1", new RefundDecision(false, at,
                at.plus(RefundPolicy.WINDOW), List.of(), RefundPolicy.FIRST_REVEAL.version()), ADMIN, at);
    }

    static PackageCancelled cancelled(Instant at) {
        return new PackageCancelled(PACKAGE, PARTNER, "SR-2", new RefundDecision(true, at,
                at.plus(RefundPolicy.WINDOW), List.of(), RefundPolicy.FIRST_REVEAL.version()), List.of(), ADMIN, at);
    }

    private enum Step { REVEAL, DENIAL }

    private record Next(Step step, long gap) {
    }

    static Arbitrary<History> histories() {
        Arbitrary<Long> gaps = Arbitraries.longs().between(0, 40 * DAY).edgeCases(edges -> edges.includeOnly(0L, 1L));
        Arbitrary<Next> steps = Combinators.combine(Arbitraries.of(Step.class), gaps).as(Next::new);
        Arbitrary<Instant> purchases = Arbitraries.longs().between(10 * DAY, 400 * DAY).map(LEDGER_START::plusMillis);
        Arbitrary<Optional<Long>> cancellationGap = gaps.optional(0.3);
        // The switch to refund-rule/2 lands anywhere from before the purchase to long after it; or never came.
        Arbitrary<Optional<Long>> switchOffset = Arbitraries.longs().between(-5 * DAY, 120 * DAY)
                .edgeCases(edges -> edges.includeOnly(0L, 1L)).optional(0.8);
        return Combinators.combine(purchases, steps.list().ofMaxSize(8), cancellationGap, switchOffset)
                .as((purchase, next, cancellation, switchAfterPurchase) -> {
                    List<Object> events = new ArrayList<>(List.of(purchased(purchase)));
                    Instant at = purchase;
                    for (Next step : next) {
                        at = at.plusMillis(step.gap());
                        events.add(step.step() == Step.REVEAL ? revealed(at) : denied(at));
                    }
                    if (cancellation.isPresent()) {
                        events.add(cancelled(at.plusMillis(cancellation.get())));
                    }
                    RefundRules rules = switchAfterPurchase
                            .map(offset -> RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, LEDGER_START),
                                    new RefundRules.Term(RefundPolicy.FIRST_REVEAL, purchase.plusMillis(offset))))
                            .orElse(RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, LEDGER_START)));
                    return new History(events, rules);
                });
    }

    /** A history and an instant at or after its purchase, near one of its boundaries or anywhere up to 90 days on. */
    record Asked(History history, Instant at) {
    }

    /** The history's purchase and denials alone: a package whose software was never activated nor refunded. */
    static Arbitrary<Asked> askedOfUntouchedPackages() {
        return askedAnyTime().map(asked -> new Asked(new History(asked.history().events().stream()
                .filter(event -> event instanceof PackagePurchased || event instanceof CancellationDenied).toList(),
                asked.history().rules()), asked.at()));
    }

    /** An instant at or after one of the history's reveals. */
    static Arbitrary<Asked> askedAfterAReveal() {
        return histories().filter(history -> !history.reveals().isEmpty()).flatMap(history -> Combinators.combine(
                        Arbitraries.of(history.reveals()), later())
                .as((reveal, after) -> new Asked(history, reveal.at().plusMillis(after))));
    }

    /** An instant at or after the history's refunded cancellation. */
    static Arbitrary<Asked> askedAfterACancellation() {
        return histories().filter(history -> history.cancellation().isPresent()).flatMap(history -> later()
                .map(after -> new Asked(history, history.cancellation().orElseThrow().at().plusMillis(after))));
    }

    /** A span of up to 60 days, 0 and 1 ms favoured. */
    static Arbitrary<Long> later() {
        return Arbitraries.longs().between(0, 60 * DAY).edgeCases(edges -> edges.includeOnly(0L, 1L));
    }

    static Arbitrary<Asked> askedAnyTime() {
        return histories().flatMap(history -> Arbitraries.oneOf(
                        Arbitraries.of(history.boundaries()),
                        Arbitraries.longs().between(0, 90 * DAY).map(history.purchase().at()::plusMillis))
                .map(at -> new Asked(history, at)));
    }

    private RefundHistories() {
    }
}
