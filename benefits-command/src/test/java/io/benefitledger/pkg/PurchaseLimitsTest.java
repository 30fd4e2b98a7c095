package io.benefitledger.pkg;

import io.benefitledger.benefit.Unit;

import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.InMemoryDirectory;
import io.benefitledger.partner.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static io.benefitledger.pkg.BenefitPackageTest.ADMIN;
import static io.benefitledger.pkg.BenefitPackageTest.OFFERING;
import static io.benefitledger.pkg.BenefitPackageTest.PACKAGE;
import static io.benefitledger.pkg.BenefitPackageTest.PARTNER;
import static io.benefitledger.pkg.BenefitPackageTest.PURCHASED_AT;
import static io.benefitledger.pkg.BenefitPackageTest.RULES;
import static io.benefitledger.pkg.BenefitPackageTest.refusedAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The limits of one purchase at their edges: what is exactly at a limit is bought, one more is refused as
 * {@code package-too-large}, whichever tabs the count comes from.
 */
class PurchaseLimitsTest {

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
    }

    static LicensedProduct product(String id, int keys) {
        return new LicensedProduct(new ProductId(id), "Product " + id, keys, List.of("en-US"), List.of("x64"),
                "https://downloads.example/{language}/{os}", null);
    }

    static TechnicalAllocation hours(String id, int quantity) {
        return new TechnicalAllocation(id, "Partner advisory hours", quantity, Unit.HOUR);
    }

    /** Ten of each tab, and {@code technical} technical benefits: every tab counts towards the 50. */
    static Allocations acrossEveryTab(int technical) {
        return new Allocations(
                IntStream.rangeClosed(1, 10).mapToObj(n -> product("software-" + n, 1)).toList(),
                IntStream.rangeClosed(1, 10).mapToObj(n -> product("cloud-" + n, 1)).toList(),
                IntStream.rangeClosed(1, 10).mapToObj(n -> new UsageSubscriptionAllocation("azure-" + n, "Azure credits")).toList(),
                IntStream.rangeClosed(1, 10).mapToObj(n -> new SeatAllocation("vs-" + n, "Visual Studio Enterprise", 1)).toList(),
                IntStream.rangeClosed(1, technical).mapToObj(n -> hours("advisory-" + n, 1)).toList());
    }

    PurchasePackage purchase(Allocations allocations) {
        return new PurchasePackage(PACKAGE, PARTNER, "Action Pack", allocations, ADMIN, PURCHASED_AT, OFFERING, 1, null);
    }

    @Test
    void fifty_products_and_allocations_over_every_tab_are_bought() {
        fixture.givenNoPriorActivity()
                .when(purchase(acrossEveryTab(10)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void fifty_one_products_and_allocations_over_every_tab_are_refused() {
        fixture.givenNoPriorActivity()
                .when(purchase(acrossEveryTab(11)))
                .expectException(refusedAs(PackageTooLarge.class, "package-too-large"))
                .expectExceptionMessage("a package may hold at most 50 products and allocations in all, not 51")
                .expectNoEvents();
    }

    @Test
    void technical_benefits_count_towards_the_500_subscriptions_a_package_opens() {
        List<SeatAllocation> seats = List.of(new SeatAllocation("vs-1", "Visual Studio Enterprise", 250),
                new SeatAllocation("vs-2", "Visual Studio Enterprise", 250));
        fixture.givenNoPriorActivity()
                .when(purchase(new Allocations(List.of(), List.of(), List.of(), seats, List.of(hours("advisory", 1)))))
                .expectException(refusedAs(PackageTooLarge.class, "package-too-large"))
                .expectExceptionMessage("a package may open at most 500 subscriptions (usage subscriptions, Visual Studio "
                                        + "seats and technical benefits) in all, not 501")
                .expectNoEvents();
    }

    @Test
    void a_product_of_exactly_10000_keys_is_bought() {
        fixture.givenNoPriorActivity()
                .when(purchase(Allocations.software(List.of(product("windows-server", 10_000)))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void a_technical_benefit_of_exactly_10000_hours_is_bought() {
        fixture.givenNoPriorActivity()
                .when(purchase(new Allocations(List.of(), List.of(), List.of(), List.of(), List.of(hours("advisory", 10_000)))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void the_package_id_and_an_allocation_id_may_together_be_120_characters_and_no_more() {
        PackageId longId = new PackageId("p".repeat(100));
        assertThatNoException().isThrownBy(() -> new PurchasePackage(longId, PARTNER, "Action Pack",
                Allocations.software(List.of(product("a".repeat(20), 1))), ADMIN, PURCHASED_AT, OFFERING, 1, null));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PurchasePackage(longId, PARTNER, "Action Pack",
                        new Allocations(List.of(), List.of(), List.of(), List.of(), List.of(hours("a".repeat(21), 1))),
                        ADMIN, PURCHASED_AT, OFFERING, 1, null))
                .withMessage("package id and allocation id '" + "a".repeat(21) + "' are together longer than 120 characters");
    }

    @Test
    void a_purchase_targets_the_package_of_the_purchasing_partner() {
        assertThat(purchase(Allocations.software(List.of(product("windows-server", 1)))).target())
                .isEqualTo(AggregateId.of(PARTNER, PACKAGE))
                .hasToString("contoso/pkg-1");
    }
}
