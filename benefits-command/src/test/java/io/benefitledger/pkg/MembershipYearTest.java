package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.InMemoryDirectory;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.benefitledger.pkg.BenefitPackageTest.ADMIN;
import static io.benefitledger.pkg.BenefitPackageTest.OFFERING;
import static io.benefitledger.pkg.BenefitPackageTest.PACKAGE;
import static io.benefitledger.pkg.BenefitPackageTest.PARTNER;
import static io.benefitledger.pkg.BenefitPackageTest.PURCHASED_AT;
import static io.benefitledger.pkg.BenefitPackageTest.RULES;
import static io.benefitledger.pkg.BenefitPackageTest.WINDOWS_SERVER;
import static io.benefitledger.pkg.BenefitPackageTest.purchased;
import static io.benefitledger.pkg.BenefitPackageTest.reveal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.matches;

/** A package's membership year: its anniversary, renewal window and grace period, each recorded when it passes. */
class MembershipYearTest {

    static final MembershipTerms TERMS = new MembershipTerms(Duration.ofDays(30), Duration.ofDays(30));
    static final MembershipYears NOTHING_TO_RENEW = years(Optional.empty(), 0);
    static final MembershipYear YEAR = TERMS.yearFrom(PURCHASED_AT);
    static final PackageId EARLIER = new PackageId("action-pack-2025");
    static final Instant EARLIER_ANNIVERSARY = PURCHASED_AT.plus(Duration.ofDays(20));

    FixtureConfiguration<BenefitPackage> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BenefitPackage.class);
        fixture.registerInjectableResource(new LicenseKeyIssuer(new Random(7)));
        fixture.registerInjectableResource(RULES);
        fixture.registerInjectableResource(TERMS);
        fixture.registerInjectableResource(new InMemoryDirectory(PARTNER, new EmailAddress("admin@contoso.example"))
                .with(ADMIN, Role.ADMIN_AGENT));
    }

    /** Years on record that a purchase may renew, and how many packages of its offering the year it begins holds. */
    static MembershipYears years(Optional<MembershipYears.Renewable> renewable, int held) {
        return new MembershipYears() {
            @Override
            public Optional<Renewable> renewable(PartnerId partner, String offering, Instant at) {
                return renewable;
            }

            @Override
            public int heldDuring(PartnerId partner, String offering, MembershipYear year) {
                return held;
            }
        };
    }

    /** A purchase whose year began with it. */
    static PackagePurchased bought() {
        return new PackagePurchased(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                ADMIN, PURCHASED_AT, YEAR, null);
    }

    static RenewalWindowOpened opened() {
        return new RenewalWindowOpened(PACKAGE, PARTNER, YEAR.anniversary(), YEAR.graceEnds(), YEAR.renewalWindowOpens());
    }

    static MembershipYearEnded ended(PackageId renewedBy) {
        return new MembershipYearEnded(PACKAGE, PARTNER, renewedBy, YEAR.graceEnds(), YEAR.anniversary());
    }

    static PassMilestone pass(MembershipYear.Milestone milestone) {
        return new PassMilestone(PACKAGE, PARTNER, milestone);
    }

    @Test
    void a_year_runs_365_days_from_the_purchase_its_renewal_window_opens_30_days_before_and_its_grace_ends_30_days_after() {
        fixture.registerInjectableResource(NOTHING_TO_RENEW);
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                        ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectEvents(new PackagePurchased(PACKAGE, PARTNER, "Action Pack",
                        Allocations.software(List.of(WINDOWS_SERVER)), ADMIN, PURCHASED_AT,
                        new MembershipYear(PURCHASED_AT, PURCHASED_AT.plus(Duration.ofDays(335)),
                                PURCHASED_AT.plus(Duration.ofDays(365)), PURCHASED_AT.plus(Duration.ofDays(395))), null, OFFERING, 1));
    }

    @Test
    void a_purchase_of_the_offering_while_a_year_is_renewable_continues_that_year_from_its_anniversary() {
        fixture.registerInjectableResource(new MembershipYears() {
            @Override
            public Optional<Renewable> renewable(PartnerId partner, String offering, Instant at) {
                return partner.equals(PARTNER) && offering.equals(OFFERING.value()) && at.equals(PURCHASED_AT)
                        ? Optional.of(new Renewable(EARLIER, EARLIER_ANNIVERSARY)) : Optional.empty();
            }

            @Override
            public int heldDuring(PartnerId partner, String offering, MembershipYear year) {
                return 0;
            }
        });
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                        ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectEvents(new PackagePurchased(PACKAGE, PARTNER, "Action Pack",
                        Allocations.software(List.of(WINDOWS_SERVER)), ADMIN, PURCHASED_AT,
                        TERMS.yearFrom(EARLIER_ANNIVERSARY), EARLIER, OFFERING, 1));
    }

    static PurchasePackage purchaseLimitedTo(int perYear) {
        return new PurchasePackage(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                ADMIN, PURCHASED_AT, OFFERING, 1, new PurchaseLimit(perYear));
    }

    @Test
    void a_purchase_beyond_the_offerings_limit_per_membership_year_is_refused_and_records_nothing() {
        fixture.registerInjectableResource(years(Optional.empty(), 1));
        fixture.givenNoPriorActivity()
                .when(purchaseLimitedTo(1))
                .expectException(matches(e -> e instanceof PurchaseLimitReached rule
                                              && rule.code().equals("purchase-limit-reached")))
                .expectNoEvents();
    }

    @Test
    void a_purchase_within_the_offerings_limit_is_recorded() {
        fixture.registerInjectableResource(years(Optional.empty(), 1));
        fixture.givenNoPriorActivity()
                .when(purchaseLimitedTo(2))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void an_offering_without_a_limit_is_bought_however_many_packages_of_it_the_year_holds() {
        fixture.registerInjectableResource(years(Optional.empty(), 7));
        fixture.givenNoPriorActivity()
                .when(new PurchasePackage(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                        ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_limit_counts_the_packages_held_in_the_year_the_purchase_begins_a_renewal_the_next_one() {
        List<MembershipYear> asked = new java.util.ArrayList<>();
        fixture.registerInjectableResource(new MembershipYears() {
            @Override
            public Optional<Renewable> renewable(PartnerId partner, String offering, Instant at) {
                return Optional.of(new Renewable(EARLIER, EARLIER_ANNIVERSARY));
            }

            @Override
            public int heldDuring(PartnerId partner, String offering, MembershipYear year) {
                asked.add(year);
                return 0;
            }
        });
        fixture.givenNoPriorActivity().when(purchaseLimitedTo(1)).expectSuccessfulHandlerExecution();

        assertThat(asked).containsExactly(TERMS.yearFrom(EARLIER_ANNIVERSARY));
    }

    @Test
    void a_year_is_renewable_from_the_window_opening_to_the_end_of_grace_both_included() {
        assertThat(YEAR.renewableAt(YEAR.renewalWindowOpens().minusMillis(1))).isFalse();
        assertThat(YEAR.renewableAt(YEAR.renewalWindowOpens())).isTrue();
        assertThat(YEAR.renewableAt(YEAR.graceEnds())).isTrue();
        assertThat(YEAR.renewableAt(YEAR.graceEnds().plusMillis(1))).isFalse();
    }

    @Test
    void the_renewal_window_opening_is_recorded_at_its_instant() {
        fixture.given(bought())
                .when(pass(MembershipYear.Milestone.RENEWAL_WINDOW_OPENS))
                .expectEvents(new RenewalWindowOpened(PACKAGE, PARTNER, YEAR.anniversary(), YEAR.graceEnds(),
                        PURCHASED_AT.plus(Duration.ofDays(335))));
    }

    @Test
    void the_year_ends_at_the_anniversary_however_late_the_schedule_delivers_it() {
        // a reveal recorded after the anniversary, before the schedule delivered it
        fixture.given(bought(), opened(), new KeysRevealed(PACKAGE, PARTNER, WINDOWS_SERVER.productId(), List.of("K"),
                        "en-US", "x64", "https://downloads.example/windows-server/en-US/x64", ADMIN,
                        YEAR.anniversary().plusSeconds(5)))
                .when(pass(MembershipYear.Milestone.YEAR_ENDS))
                .expectEvents(new MembershipYearEnded(PACKAGE, PARTNER, null, YEAR.graceEnds(),
                        PURCHASED_AT.plus(Duration.ofDays(365))));
    }

    @Test
    void a_milestone_delivered_before_an_earlier_one_records_the_earlier_one_first() {
        fixture.given(bought())
                .when(pass(MembershipYear.Milestone.YEAR_ENDS))
                .expectEvents(new RenewalWindowOpened(PACKAGE, PARTNER, YEAR.anniversary(), YEAR.graceEnds(),
                                YEAR.renewalWindowOpens()),
                        new MembershipYearEnded(PACKAGE, PARTNER, null, YEAR.graceEnds(), YEAR.anniversary()));
    }

    @Test
    void a_milestone_delivered_twice_is_recorded_once() {
        fixture.given(bought(), opened(), new MembershipYearEnded(PACKAGE, PARTNER, null, YEAR.graceEnds(),
                        YEAR.anniversary()))
                .when(pass(MembershipYear.Milestone.YEAR_ENDS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void when_the_grace_is_over_unrenewed_the_packages_benefits_expire_with_its_subscriptions() {
        fixture.given(new PackagePurchased(PACKAGE, PARTNER, "Silver Core", new Allocations(List.of(), List.of(),
                        List.of(), List.of(new SeatAllocation("vs", "Visual Studio Enterprise", 2)), List.of()), ADMIN,
                        PURCHASED_AT, YEAR, null), opened(), ended(null))
                .when(pass(MembershipYear.Milestone.GRACE_ENDS))
                .expectEvents(new GracePeriodOver(PACKAGE, PARTNER, null, YEAR.graceEnds()),
                        new PackageBenefitsExpired(PACKAGE, PARTNER, List.of("pkg-1:vs:1", "pkg-1:vs:2"), null,
                                YEAR.graceEnds()));
    }

    @Test
    void when_the_grace_is_over_after_a_renewal_nothing_expires() {
        PackageId renewal = new PackageId("action-pack-2027");
        fixture.given(bought(), opened(), new MembershipRenewed(PACKAGE, PARTNER, renewal,
                        YEAR.anniversary()), ended(renewal))
                .when(pass(MembershipYear.Milestone.GRACE_ENDS))
                .expectEvents(new GracePeriodOver(PACKAGE, PARTNER, renewal, YEAR.graceEnds()));
    }

    @Test
    void a_year_renewed_already_is_not_renewed_again() {
        fixture.given(bought(), new MembershipRenewed(PACKAGE, PARTNER, new PackageId("first"), YEAR.anniversary()))
                .when(new RecordRenewal(PACKAGE, PARTNER, new PackageId("second"), YEAR.anniversary()))
                .expectException(matches(e -> e instanceof AlreadyRenewed r && r.code().equals("membership-already-renewed")))
                .expectNoEvents();
    }

    @Test
    void when_a_renewal_expires_the_package_it_continued_expires_at_the_same_instant() {
        fixture.given(new PackagePurchased(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of(WINDOWS_SERVER)),
                        ADMIN, PURCHASED_AT, YEAR, EARLIER),
                        new MembershipRenewed(PACKAGE, PARTNER, new PackageId("next"), YEAR.anniversary()))
                .when(new ExpireRenewedPackage(PACKAGE, PARTNER, YEAR.graceEnds().plus(Duration.ofDays(365))))
                .expectEvents(new PackageBenefitsExpired(PACKAGE, PARTNER, List.of(), EARLIER,
                        YEAR.graceEnds().plus(Duration.ofDays(365))));
    }

    @Test
    void keys_of_an_expired_package_are_not_revealed() {
        fixture.given(bought(), new GracePeriodOver(PACKAGE, PARTNER, null, YEAR.graceEnds()),
                        new PackageBenefitsExpired(PACKAGE, PARTNER, List.of(), null, YEAR.graceEnds()))
                .when(reveal(1, YEAR.graceEnds().plusMillis(1)))
                .expectException(matches(e -> e instanceof BenefitRuleViolation v && v.code().equals("package-expired")))
                .expectNoEvents();
    }

    @Test
    void keys_are_revealed_during_the_grace_period() {
        fixture.given(bought(), new MembershipYearEnded(PACKAGE, PARTNER, null, YEAR.graceEnds(),
                        YEAR.anniversary()))
                .when(reveal(1, YEAR.graceEnds()))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_refunded_package_passes_no_milestone() {
        fixture.given(bought())
                .andGivenCommands(new RequestCancellation(PACKAGE, PARTNER, "SR-1", ADMIN, PURCHASED_AT.plusSeconds(60)))
                .when(pass(MembershipYear.Milestone.GRACE_ENDS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_package_bought_before_years_were_recorded_passes_no_milestone() {
        fixture.given(purchased())
                .when(pass(MembershipYear.Milestone.YEAR_ENDS))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
