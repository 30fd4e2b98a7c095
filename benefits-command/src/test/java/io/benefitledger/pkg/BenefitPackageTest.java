package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.NotFound;
import io.benefitledger.benefit.OfferId;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.benefit.Unit;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.InMemoryDirectory;
import io.benefitledger.partner.NotPermitted;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.Role;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.refund.Evidence;
import io.benefitledger.pkg.refund.RefundDecision;
import io.benefitledger.pkg.refund.RefundPolicy;
import io.benefitledger.pkg.refund.RefundRules;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.matches;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;

class BenefitPackageTest {

    static final PackageId PACKAGE = new PackageId("pkg-1");
    static final PartnerId PARTNER = new PartnerId("contoso");
    static final OfferingId OFFERING = new OfferingId("action-pack");
    static final UserId ADMIN = new UserId("alice");
    static final ProductId WINDOWS = new ProductId("windows-server");
    static final Instant PURCHASED_AT = Instant.parse("2026-03-01T09:00:00Z");
    static final LicensedProduct WINDOWS_SERVER = new LicensedProduct(WINDOWS, "Windows Server 2025", 2,
            List.of("en-US", "de-DE"), List.of("x64"),
            "https://downloads.example/windows-server/{language}/{os}", "Activate within 30 days.");
    /** refund-rule/2 took effect before {@link #PURCHASED_AT}: what most specifications here decide by. */
    static final Instant SECOND_RULE_FROM = Instant.parse("2026-02-01T00:00:00Z");
    static final RefundRules RULES = RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, Instant.EPOCH),
            new RefundRules.Term(RefundPolicy.FIRST_REVEAL, SECOND_RULE_FROM));

    FixtureConfiguration<BenefitPackage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BenefitPackage.class);
        fixture.registerInjectableResource(new LicenseKeyIssuer(new Random(7)));
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(MembershipYearTest.TERMS);
        fixture.registerInjectableResource(MembershipYearTest.NOTHING_TO_RENEW);
        fixture.registerInjectableResource(new InMemoryDirectory(PARTNER, new EmailAddress("admin@contoso.example"))
                .with(ADMIN, Role.ADMIN_AGENT));
        // Evidence names the event ids the fixture generates; the facts that matter are type and instant.
        fixture.registerIgnoredField(Evidence.class, "eventId");
    }

    static PackagePurchased purchased() {
        return new PackagePurchased(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                ADMIN, PURCHASED_AT);
    }

    static RevealKeys reveal(int count, Instant at) {
        return new RevealKeys(PACKAGE, PARTNER, WINDOWS, count, "en-US", "x64", ADMIN, at);
    }

    static KeysRevealed revealed(List<String> keys, Instant at) {
        return new KeysRevealed(PACKAGE, PARTNER, WINDOWS, keys, "en-US", "x64",
                "https://downloads.example/windows-server/en-US/x64", ADMIN, at);
    }

    static RequestCancellation cancel(Instant at) {
        return new RequestCancellation(PACKAGE, PARTNER, "SR-100", ADMIN, at);
    }

    @Test
    void a_purchase_records_the_package_and_its_allocations() {
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                        ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new PackagePurchased(PACKAGE, PARTNER, "Action Pack",
                        Allocations.software(List.of(WINDOWS_SERVER)), ADMIN, PURCHASED_AT,
                        MembershipYearTest.TERMS.yearFrom(PURCHASED_AT), null, OFFERING, 1));
    }

    @Test
    void an_id_named_twice_across_the_tabs_of_a_purchase_is_refused() {
        Allocations allocations = new Allocations(List.of(WINDOWS_SERVER), List.of(),
                List.of(new UsageSubscriptionAllocation("windows-server", "Azure credits")), List.of(), List.of());
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", allocations, ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectException(refusedAs(DuplicateAllocation.class, "duplicate-allocation"))
                .expectNoEvents();
    }

    @Test
    void a_purchase_without_any_benefit_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of()), ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectException(refusedAs(EmptyPackage.class, "empty-package"))
                .expectNoEvents();
    }

    @Test
    void a_purchase_opening_more_than_500_subscriptions_is_refused_before_any_is_opened() {
        List<SeatAllocation> seats = java.util.stream.IntStream.rangeClosed(1, 2)
                .mapToObj(n -> new SeatAllocation("vs-" + n, "Visual Studio Enterprise", 250)).toList();
        Allocations atTheLimit = new Allocations(List.of(), List.of(), List.of(), seats, List.of());
        Allocations beyond = new Allocations(List.of(), List.of(),
                List.of(new UsageSubscriptionAllocation("azure", "Azure credits")), seats, List.of());

        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", atTheLimit, ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectSuccessfulHandlerExecution();
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", beyond, ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectException(PackageTooLarge.class)
                .expectExceptionMessage("a package may open at most 500 subscriptions (usage subscriptions, Visual Studio "
                                        + "seats and technical benefits) in all, not 501")
                .expectNoEvents();
    }

    @Test
    void a_purchase_of_more_than_50_products_and_allocations_is_refused() {
        List<UsageSubscriptionAllocation> usage = java.util.stream.IntStream.rangeClosed(1, 50)
                .mapToObj(n -> new UsageSubscriptionAllocation("azure-" + n, "Azure credits")).toList();

        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack",
                        new Allocations(List.of(WINDOWS_SERVER), List.of(), usage, List.of(), List.of()), ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectException(PackageTooLarge.class)
                .expectExceptionMessage("a package may hold at most 50 products and allocations in all, not 51")
                .expectNoEvents();
    }

    @Test
    void a_product_of_more_than_10000_keys_and_a_technical_benefit_of_more_than_10000_hours_are_refused() {
        LicensedProduct manyKeys = new LicensedProduct(WINDOWS, "Windows Server 2025", 10_001, List.of("en-US"),
                List.of("x64"), "https://downloads.example/{language}/{os}", null);
        TechnicalAllocation manyHours = new TechnicalAllocation("advisory", "Partner advisory hours", 10_001,
                Unit.HOUR);

        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(manyKeys)),
                        ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectException(PackageTooLarge.class)
                .expectExceptionMessage("product 'windows-server' may hold at most 10000 keys, not 10001");
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack",
                        new Allocations(List.of(), List.of(), List.of(), List.of(), List.of(manyHours)), ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectException(PackageTooLarge.class)
                .expectExceptionMessage("technical benefit 'advisory' may hold at most 10000 incidents or hours, not 10001");
    }

    @Test
    void a_package_recorded_beyond_the_limits_before_they_existed_still_loads() {
        LicensedProduct manyKeys = new LicensedProduct(WINDOWS, "Windows Server 2025", 20_000, List.of("en-US"),
                List.of("x64"), "https://downloads.example/{language}/{os}", null);

        fixture.given(new PackagePurchased(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(manyKeys)),
                        ADMIN, PURCHASED_AT))
                .when(new RevealKeys(PACKAGE, PARTNER, WINDOWS, 1, "en-US", "x64", ADMIN, PURCHASED_AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void someone_outside_the_partners_directory_cannot_purchase() {
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                        new UserId("mallory"), PURCHASED_AT, OFFERING, 1, null))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void someone_outside_the_partners_directory_cannot_reveal_keys() {
        fixture.given(purchased())
                .when(new RevealKeys(PACKAGE, PARTNER, WINDOWS, 1, "en-US", "x64", new UserId("mallory"), PURCHASED_AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void revealing_keys_of_a_license_based_cloud_subscription_also_ends_the_right_to_a_refund() {
        ProductId dynamics = new ProductId("dynamics-365");
        LicensedProduct cloudLicense = new LicensedProduct(dynamics, "Dynamics 365", 1, List.of("en-US"), List.of("cloud"),
                "https://downloads.example/dynamics/{language}/{os}", "");
        PackagePurchased purchase = new PackagePurchased(PACKAGE, PARTNER, "Action Pack",
                new Allocations(List.of(), List.of(cloudLicense), List.of(), List.of(), List.of()), ADMIN, PURCHASED_AT);
        fixture.given(purchase,
                        new KeysRevealed(PACKAGE, PARTNER, dynamics, List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), "en-US",
                                "cloud", "https://downloads.example/dynamics/en-US/cloud", ADMIN, PURCHASED_AT))
                .when(cancel(PURCHASED_AT.plus(Duration.ofDays(1))))
                .expectResultMessagePayloadMatching(matches(payload -> !((RefundDecision) payload).eligible()));
    }

    @Test
    void a_refunded_cancellation_names_every_subscription_the_package_opened_for_revocation() {
        Allocations allocations = new Allocations(List.of(WINDOWS_SERVER), List.of(),
                List.of(new UsageSubscriptionAllocation("azure", "Azure credits")),
                List.of(new SeatAllocation("vs-enterprise", "Visual Studio Enterprise", 2)),
                List.of(new TechnicalAllocation("advisory", "Partner advisory hours", 20, Unit.HOUR)));
        fixture.given(new PackagePurchased(PACKAGE, PARTNER, "Silver Core", allocations, ADMIN, PURCHASED_AT))
                .when(cancel(PURCHASED_AT.plus(Duration.ofDays(1))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(payload ->
                        payload instanceof PackageCancelled cancelled && cancelled.revokedSubscriptions().equals(List.of(
                                "pkg-1:azure", "pkg-1:vs-enterprise:1", "pkg-1:vs-enterprise:2", "pkg-1:advisory"))))));
    }

    @Test
    void revealing_keys_records_the_keys_and_the_download_link_for_the_language_and_os() {
        Instant at = PURCHASED_AT.plus(Duration.ofDays(1));
        fixture.given(purchased())
                .when(reveal(1, at))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches(payload -> {
                                    KeysRevealed event = (KeysRevealed) payload;
                                    return event.keys().size() == 1
                                           && event.keys().get(0).matches("([A-Z2-9]{5}-){4}[A-Z2-9]{5}")
                                           && event.downloadLink().equals("https://downloads.example/windows-server/en-US/x64")
                                           && event.at().equals(at);
                                }))));
    }

    @Test
    void keys_are_refused_in_a_language_the_product_does_not_offer() {
        fixture.given(purchased())
                .when(new RevealKeys(PACKAGE, PARTNER, WINDOWS, 1, "fr-FR", "x64", ADMIN, PURCHASED_AT))
                .expectException(refusedAs(ChoiceNotOffered.class, "language-not-offered"))
                .expectExceptionMessage("product windows-server is not offered in language 'fr-FR'; it is offered in [en-US, de-DE]")
                .expectNoEvents();
    }

    @Test
    void keys_are_refused_for_an_operating_system_the_product_does_not_offer() {
        fixture.given(purchased())
                .when(new RevealKeys(PACKAGE, PARTNER, WINDOWS, 1, "en-US", "arm64", ADMIN, PURCHASED_AT))
                .expectException(refusedAs(ChoiceNotOffered.class, "operating-system-not-offered"))
                .expectNoEvents();
    }

    @Test
    void the_last_allocated_key_can_be_revealed() {
        fixture.given(purchased(), revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), PURCHASED_AT))
                .when(reveal(1, PURCHASED_AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void one_key_more_than_is_left_is_refused() {
        fixture.given(purchased(), revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), PURCHASED_AT))
                .when(reveal(2, PURCHASED_AT))
                .expectException(refusedAs(KeysExhausted.class, "keys-exhausted"))
                .expectExceptionMessage("product windows-server has 1 of its 2 license keys left; 2 were asked")
                .expectNoEvents();
    }

    @Test
    void keys_of_a_product_the_package_does_not_hold_are_not_found() {
        fixture.given(purchased())
                .when(new RevealKeys(PACKAGE, PARTNER, new ProductId("office"), 1, "en-US", "x64", ADMIN, PURCHASED_AT))
                .expectException(NotFound.class)
                .expectNoEvents();
    }

    @Test
    void another_partner_naming_the_same_package_id_names_a_package_of_its_own_which_does_not_exist() {
        RevealKeys byFabrikam = new RevealKeys(PACKAGE, new PartnerId("fabrikam"), WINDOWS, 1, "en-US", "x64", ADMIN, PURCHASED_AT);
        assertThat(byFabrikam.target()).hasToString("fabrikam/pkg-1");
        fixture.givenNoPriorActivity()
                .when(byFabrikam)
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void cancellation_exactly_30_days_after_purchase_is_refunded() {
        Instant boundary = PURCHASED_AT.plus(Duration.ofHours(30 * 24));
        fixture.given(purchased())
                .when(cancel(boundary))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(matches(
                        payload -> ((RefundDecision) payload).eligible()))
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches(payload -> payload instanceof PackageCancelled))));
    }

    @Test
    void cancellation_30_days_and_one_millisecond_after_purchase_is_denied_and_the_denial_recorded() {
        Instant tooLate = PURCHASED_AT.plus(Duration.ofDays(30)).plusMillis(1);
        fixture.given(purchased())
                .when(cancel(tooLate))
                .expectSuccessfulHandlerExecution()
                .expectEventsMatching(payloadsMatching(
                        exactSequenceOf(
                                matches(payload ->
                                        payload instanceof CancellationDenied denied
                                        && !denied.decision().eligible()
                                        && denied.decision().reasons().size() == 1
                                        && denied.decision().reasons().get(0).condition().equals("within-30-days-of-purchase")))));
    }

    @Test
    void cancellation_after_a_key_reveal_is_denied_with_the_reveal_as_evidence() {
        Instant revealedAt = PURCHASED_AT.plus(Duration.ofDays(2));
        fixture.given(purchased(), revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), revealedAt))
                .when(cancel(PURCHASED_AT.plus(Duration.ofDays(3))))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayloadMatching(matches(payload -> {
                    RefundDecision decision = (RefundDecision) payload;
                    return !decision.eligible()
                           && decision.reasons().size() == 1
                           && decision.reasons().get(0).condition().equals("no-software-activated")
                           && decision.reasons().get(0).evidence().get(0).eventType().equals("KeysRevealed")
                           && decision.reasons().get(0).evidence().get(0).at().equals(revealedAt);
                }));
    }

    @Test
    void after_many_reveals_a_denied_cancellation_names_the_first_reveal_which_settled_it() {
        Instant firstRevealAt = PURCHASED_AT.plus(Duration.ofDays(1));
        fixture.given(purchased(), revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), firstRevealAt),
                        revealed(List.of("BBBBB-BBBBB-BBBBB-BBBBB-BBBBB"), PURCHASED_AT.plus(Duration.ofDays(2))))
                .when(cancel(PURCHASED_AT.plus(Duration.ofDays(3))))
                .expectResultMessagePayloadMatching(matches(payload -> {
                    RefundDecision decision = (RefundDecision) payload;
                    return !decision.eligible()
                           && decision.reasons().get(0).evidence().size() == 1
                           && decision.reasons().get(0).evidence().get(0).at().equals(firstRevealAt)
                           && decision.reasons().get(0).evidence().get(0).sequenceNumber() == 1;
                }));
    }

    @Test
    void a_cancellation_while_refund_rule_1_was_in_force_is_denied_with_every_reveal_made_by_then_as_evidence() {
        Instant purchasedAt = SECOND_RULE_FROM.minus(Duration.ofDays(10));
        PackagePurchased purchase = new PackagePurchased(PACKAGE, PARTNER, "Action Pack",
                Allocations.software(List.of(WINDOWS_SERVER)), ADMIN, purchasedAt);
        fixture.given(purchase, revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), purchasedAt.plus(Duration.ofDays(1))),
                        revealed(List.of("BBBBB-BBBBB-BBBBB-BBBBB-BBBBB"), purchasedAt.plus(Duration.ofDays(2))))
                .when(cancel(SECOND_RULE_FROM.minusMillis(1)))
                .expectResultMessagePayloadMatching(matches(payload -> {
                    RefundDecision decision = (RefundDecision) payload;
                    return !decision.eligible() && decision.ruleVersion().equals("refund-rule/1")
                           && decision.reasons().get(0).explanation().equals(
                                   "license keys of the package were revealed (2 times), which activates its software benefits")
                           && decision.reasons().get(0).evidence().stream().map(Evidence::sequenceNumber).toList()
                                   .equals(List.of(1L, 2L));
                }))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(payload ->
                        payload instanceof CancellationDenied denied
                        && denied.decision().ruleVersion().equals("refund-rule/1")))));
    }

    @Test
    void the_same_history_asked_from_the_instant_refund_rule_2_took_effect_names_the_first_reveal_alone() {
        Instant purchasedAt = SECOND_RULE_FROM.minus(Duration.ofDays(10));
        PackagePurchased purchase = new PackagePurchased(PACKAGE, PARTNER, "Action Pack",
                Allocations.software(List.of(WINDOWS_SERVER)), ADMIN, purchasedAt);
        fixture.given(purchase, revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), purchasedAt.plus(Duration.ofDays(1))),
                        revealed(List.of("BBBBB-BBBBB-BBBBB-BBBBB-BBBBB"), purchasedAt.plus(Duration.ofDays(2))))
                .when(cancel(SECOND_RULE_FROM))
                .expectResultMessagePayloadMatching(matches(payload -> {
                    RefundDecision decision = (RefundDecision) payload;
                    return !decision.eligible() && decision.ruleVersion().equals("refund-rule/2")
                           && decision.reasons().get(0).evidence().stream().map(Evidence::sequenceNumber).toList()
                                   .equals(List.of(1L));
                }));
    }

    @Test
    void a_cancellation_stamped_before_a_recorded_reveal_is_decided_as_of_the_reveal() {
        Instant revealedAt = PURCHASED_AT.plus(Duration.ofDays(5));
        fixture.given(purchased(), revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), revealedAt))
                .when(cancel(PURCHASED_AT.plus(Duration.ofDays(4))))
                .expectResultMessagePayloadMatching(matches(payload ->
                        !((RefundDecision) payload).eligible() && ((RefundDecision) payload).decidedAt().equals(revealedAt)));
    }

    @Test
    void nothing_more_can_be_done_with_a_package_after_its_refund() {
        fixture.given(purchased())
                .andGivenCommands(cancel(PURCHASED_AT.plus(Duration.ofDays(1))))
                .when(reveal(1, PURCHASED_AT.plus(Duration.ofDays(2))))
                .expectException(refusedAs(PackageRevoked.class, "package-revoked"))
                .expectNoEvents();
    }

    @Test
    void a_second_cancellation_after_a_refund_is_denied_and_the_denial_is_recorded_with_the_refund_as_evidence() {
        fixture.given(purchased())
                .andGivenCommands(cancel(PURCHASED_AT.plus(Duration.ofDays(1))))
                .when(cancel(PURCHASED_AT.plus(Duration.ofDays(2))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof CancellationDenied denied && denied.decision().reasons().size() == 1
                        && denied.decision().reasons().get(0).condition().equals("not-already-cancelled")
                        && denied.decision().reasons().get(0).evidence().get(0).eventType().equals("PackageCancelled")))));
    }

    static PackagePurchased purchasedWithSeats() {
        return new PackagePurchased(PACKAGE, PARTNER, "Silver", new Allocations(List.of(WINDOWS_SERVER), List.of(),
                List.of(), List.of(new SeatAllocation("vs", "Visual Studio Enterprise", 2)), List.of()), ADMIN, PURCHASED_AT);
    }

    static RequestBenefitCancellation cancelSeat(String seat, Instant at) {
        return new RequestBenefitCancellation(PACKAGE, PARTNER, new SubscriptionId(seat), "SR-200", ADMIN, at);
    }

    @Test
    void one_benefit_is_cancelled_with_a_refund_under_the_packages_rule_and_the_rest_of_the_package_stays() {
        fixture.given(purchasedWithSeats())
                .when(cancelSeat("pkg-1:vs:2", PURCHASED_AT.plus(Duration.ofDays(3))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof BenefitCancelled cancelled && cancelled.decision().eligible()
                        && cancelled.subscriptionId().equals(new SubscriptionId("pkg-1:vs:2"))))));
        fixture.given(purchasedWithSeats())
                .andGivenCommands(cancelSeat("pkg-1:vs:2", PURCHASED_AT.plus(Duration.ofDays(3))))
                .when(cancel(PURCHASED_AT.plus(Duration.ofDays(4))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(PackageCancelled.class::isInstance))));
    }

    @Test
    void a_benefit_asked_back_after_a_reveal_of_the_packages_software_is_denied_and_the_denial_recorded() {
        Instant revealedAt = PURCHASED_AT.plus(Duration.ofDays(1));
        fixture.given(purchasedWithSeats(), revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), revealedAt))
                .when(cancelSeat("pkg-1:vs:1", PURCHASED_AT.plus(Duration.ofDays(2))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof BenefitCancellationDenied denied
                        && denied.decision().reasons().get(0).condition().equals("no-software-activated")))));
    }

    @Test
    void a_benefit_cancelled_once_is_denied_the_second_time_with_its_refund_as_evidence() {
        fixture.given(purchasedWithSeats())
                .andGivenCommands(cancelSeat("pkg-1:vs:1", PURCHASED_AT.plus(Duration.ofDays(1))))
                .when(cancelSeat("pkg-1:vs:1", PURCHASED_AT.plus(Duration.ofDays(2))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof BenefitCancellationDenied denied
                        && denied.decision().reasons().get(0).condition().equals("not-already-cancelled")
                        && denied.decision().reasons().get(0).evidence().get(0).eventType().equals("BenefitCancelled")))));
    }

    static final Duration A_YEAR = Duration.ofDays(365);

    /** The Action Pack's Windows Server, usable for a year from its first keys' reveal. */
    static PackagePurchased purchasedValidFromActivation() {
        LicensedProduct product = new LicensedProduct(WINDOWS, "Windows Server 2025", 2, List.of("en-US"), List.of("x64"),
                "https://downloads.example/windows-server/{language}/{os}", "", A_YEAR);
        return new PackagePurchased(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(product)), ADMIN,
                PURCHASED_AT);
    }

    @Test
    void the_first_reveal_of_a_product_valid_from_activation_starts_its_validity_and_later_reveals_do_not() {
        Instant first = PURCHASED_AT.plus(Duration.ofDays(2));
        fixture.given(purchasedValidFromActivation())
                .when(reveal(1, first))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        matches(event -> event.equals(new ProductActivated(PACKAGE, PARTNER, WINDOWS, first.plus(A_YEAR), first))),
                        matches(KeysRevealed.class::isInstance))));
        fixture.given(purchasedValidFromActivation(), new ProductActivated(PACKAGE, PARTNER, WINDOWS, first.plus(A_YEAR), first),
                        revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), first))
                .when(reveal(1, first.plus(A_YEAR).minusMillis(1)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(KeysRevealed.class::isInstance))));
    }

    @Test
    void from_its_expiry_on_a_products_keys_are_refused_even_before_the_expiry_is_recorded() {
        Instant first = PURCHASED_AT.plus(Duration.ofDays(2));
        fixture.given(purchasedValidFromActivation(), new ProductActivated(PACKAGE, PARTNER, WINDOWS, first.plus(A_YEAR), first),
                        revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), first))
                .when(reveal(1, first.plus(A_YEAR)))
                .expectException(refusedAs(ProductNoLongerValid.class, "product-expired"))
                .expectNoEvents();
    }

    @Test
    void the_schedule_records_a_products_expiry_once_at_its_instant_and_not_for_a_refunded_package() {
        Instant first = PURCHASED_AT.plus(Duration.ofDays(2));
        Instant expiry = first.plus(A_YEAR);
        ProductActivated activated = new ProductActivated(PACKAGE, PARTNER, WINDOWS, expiry, first);
        fixture.given(purchasedValidFromActivation(), activated)
                .when(new ExpireProduct(PACKAGE, PARTNER, WINDOWS, expiry))
                .expectEvents(new ProductExpired(PACKAGE, PARTNER, WINDOWS, expiry));
        fixture.given(purchasedValidFromActivation(), activated, new ProductExpired(PACKAGE, PARTNER, WINDOWS, expiry))
                .when(new ExpireProduct(PACKAGE, PARTNER, WINDOWS, expiry))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(purchasedValidFromActivation())
                .andGivenCommands(cancel(PURCHASED_AT.plus(Duration.ofDays(1))))
                .when(new ExpireProduct(PACKAGE, PARTNER, WINDOWS, expiry))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    static DecideOfferCancellation cancelOffer(String offer, Instant at) {
        return new DecideOfferCancellation(PACKAGE, PARTNER, new OfferId(offer), "SR-300", ADMIN, at);
    }

    @Test
    void one_offer_is_cancelled_with_a_refund_under_the_packages_rule_and_asked_again_is_denied_with_its_refund_as_evidence() {
        fixture.given(purchasedWithSeats())
                .when(cancelOffer("silver-webinar", PURCHASED_AT.plus(Duration.ofDays(3))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof OfferCancelled cancelled && cancelled.decision().eligible()
                        && cancelled.offerId().equals(new OfferId("silver-webinar"))))));
        fixture.given(purchasedWithSeats())
                .andGivenCommands(cancelOffer("silver-webinar", PURCHASED_AT.plus(Duration.ofDays(3))))
                .when(cancelOffer("silver-webinar", PURCHASED_AT.plus(Duration.ofDays(4))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof OfferCancellationDenied denied
                        && denied.decision().reasons().get(0).condition().equals("not-already-cancelled")
                        && denied.decision().reasons().get(0).evidence().get(0).eventType().equals("OfferCancelled")))));
    }

    @Test
    void a_reveal_stamped_before_an_offers_recorded_denial_is_recorded_at_the_denials_instant() {
        Instant denied = PURCHASED_AT.plus(RefundPolicy.WINDOW).plus(Duration.ofDays(10));
        fixture.given(purchasedWithSeats())
                .andGivenCommands(cancelOffer("silver-webinar", denied))
                .when(reveal(1, denied.minusSeconds(5)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof KeysRevealed revealed && revealed.at().equals(denied)))));
    }

    @Test
    void an_offer_asked_back_after_the_window_or_a_reveal_is_denied_and_the_denial_recorded() {
        fixture.given(purchasedWithSeats())
                .when(cancelOffer("silver-webinar", PURCHASED_AT.plus(RefundPolicy.WINDOW).plusMillis(1)))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof OfferCancellationDenied denied
                        && denied.decision().reasons().get(0).condition().equals("within-30-days-of-purchase")))));
        fixture.given(purchasedWithSeats(), revealed(List.of("AAAAA-AAAAA-AAAAA-AAAAA-AAAAA"), PURCHASED_AT.plusSeconds(60)))
                .when(cancelOffer("silver-webinar", PURCHASED_AT.plus(Duration.ofDays(1))))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matches(event ->
                        event instanceof OfferCancellationDenied denied
                        && denied.decision().reasons().get(0).condition().equals("no-software-activated")))));
    }

    @Test
    void a_benefit_the_package_does_not_hold_is_not_found_and_nothing_is_recorded() {
        fixture.given(purchasedWithSeats())
                .when(cancelSeat("pkg-1:vs:3", PURCHASED_AT.plus(Duration.ofDays(1))))
                .expectException(io.benefitledger.NotFound.class)
                .expectNoEvents();
    }

    /** The refusal is the typed violation with its code, not just any exception. */
    static org.hamcrest.Matcher<Object> refusedAs(Class<? extends BenefitRuleViolation> type, String code) {
        return matches(thrown -> type.isInstance(thrown) && ((BenefitRuleViolation) thrown).code().equals(code));
    }

    @Test
    void someone_outside_the_partners_directory_cannot_request_a_cancellation() {
        fixture.given(purchased())
                .when(new RequestCancellation(PACKAGE, PARTNER, "SR-100", new UserId("mallory"), PURCHASED_AT))
                .expectException(refusedAs(NotPermitted.class, "not-permitted"))
                .expectNoEvents();
    }

    @Test
    void revealing_keys_answers_with_the_keys_it_recorded() {
        fixture.given(purchased())
                .when(reveal(1, PURCHASED_AT))
                .expectResultMessagePayloadMatching(matches(payload -> payload instanceof KeysRevealed revealed
                        && revealed.keys().size() == 1 && revealed.productId().equals(WINDOWS)));
    }

    @Test
    void a_product_naming_a_blank_language_is_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new LicensedProduct(WINDOWS, "Windows Server 2025", 2,
                List.of("en-US", " "), List.of("x64"), "https://downloads.example/{language}/{os}", ""));
    }

    @Test
    void keys_issued_are_distinct() {
        List<String> keys = new LicenseKeyIssuer(new Random(1)).issue(50);
        assertThat(keys).doesNotHaveDuplicates();
    }
}
