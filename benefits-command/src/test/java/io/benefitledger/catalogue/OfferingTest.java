package io.benefitledger.catalogue;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.offer.OfferCatalogue;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.EmptyPackage;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.OfferingId;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.PurchaseLimit;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.test.matchers.Matchers.matches;

/** The program operator's catalogue: each publication a version, what was published provable for good. */
class OfferingTest {

    static final OfferingId ACTION_PACK = new OfferingId("action-pack");
    static final UserId OPERATOR = new UserId("operator");
    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    FixtureConfiguration<Offering> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Offering.class);
    }

    static OfferingContents actionPack(int keys) {
        return new OfferingContents("Action Pack", Allocations.software(List.of(new LicensedProduct(
                new ProductId("windows-server"), "Windows Server 2025", keys, List.of("en-US", "de-DE"), List.of("x64"),
                "https://downloads.example/windows-server/{language}/{os}", "Activate within 30 days."))),
                new OfferCatalogue(List.of()), new PurchaseLimit(1));
    }

    static OfferingPublished published(int version, OfferingContents contents) {
        return new OfferingPublished(ACTION_PACK, version, contents, OPERATOR, AT);
    }

    @Test
    void the_first_publication_of_an_offering_is_its_version_1() {
        fixture.givenNoPriorActivity()
                .when(new PublishOffering(ACTION_PACK, actionPack(2), OPERATOR, AT))
                .expectResultMessagePayload(1)
                .expectEvents(published(1, actionPack(2)));
    }

    @Test
    void a_revision_publishes_the_next_version_and_leaves_the_earlier_one_as_it_was() {
        fixture.given(published(1, actionPack(2)))
                .when(new PublishOffering(ACTION_PACK, actionPack(5), OPERATOR, AT))
                .expectResultMessagePayload(2)
                .expectEvents(published(2, actionPack(5)));
    }

    @Test
    void the_contents_on_sale_published_again_record_nothing() {
        fixture.given(published(1, actionPack(2)))
                .when(new PublishOffering(ACTION_PACK, actionPack(2), OPERATOR, AT))
                .expectResultMessagePayload(1)
                .expectNoEvents();
    }

    @Test
    void contents_no_package_may_hold_are_not_published() {
        fixture.givenNoPriorActivity()
                .when(new PublishOffering(ACTION_PACK, new OfferingContents("Action Pack", Allocations.software(List.of()),
                        null, null), OPERATOR, AT))
                .expectException(EmptyPackage.class)
                .expectNoEvents();
    }

    @Test
    void a_withdrawal_takes_the_current_version_off_sale() {
        fixture.given(published(1, actionPack(2)), published(2, actionPack(5)))
                .when(new WithdrawOffering(ACTION_PACK, OPERATOR, AT))
                .expectResultMessagePayload(2)
                .expectEvents(new OfferingWithdrawn(ACTION_PACK, 2, OPERATOR, AT));
    }

    @Test
    void a_withdrawn_offering_is_not_withdrawn_again() {
        fixture.given(published(1, actionPack(2)), new OfferingWithdrawn(ACTION_PACK, 1, OPERATOR, AT))
                .when(new WithdrawOffering(ACTION_PACK, OPERATOR, AT))
                .expectException(matches(e -> e instanceof OfferingNotOnSale rule && rule.code().equals("offering-withdrawn")))
                .expectNoEvents();
    }

    @Test
    void a_withdrawn_offering_is_put_on_sale_again_by_a_new_version_even_with_the_same_contents() {
        fixture.given(published(1, actionPack(2)), new OfferingWithdrawn(ACTION_PACK, 1, OPERATOR, AT))
                .when(new PublishOffering(ACTION_PACK, actionPack(2), OPERATOR, AT))
                .expectEvents(published(2, actionPack(2)));
    }

    @Test
    void a_purchase_gets_the_current_version() {
        OfferingHistory history = OfferingHistory.of(ACTION_PACK).with(published(1, actionPack(2)))
                .with(published(2, actionPack(5)));

        assertThat(history.forPurchase(null)).isEqualTo(published(2, actionPack(5)));
        assertThat(history.forPurchase(2)).isEqualTo(published(2, actionPack(5)));
        assertThat(history.version(1)).contains(published(1, actionPack(2)));
    }

    @Test
    void a_purchase_pinning_a_version_no_longer_current_is_refused() {
        OfferingHistory history = OfferingHistory.of(ACTION_PACK).with(published(1, actionPack(2)))
                .with(published(2, actionPack(5)));

        assertThat(refusal(() -> history.forPurchase(1))).isEqualTo("stale-offering-version");
        assertThat(refusal(() -> history.forPurchase(3))).isEqualTo("stale-offering-version");
    }

    @Test
    void a_withdrawn_offering_is_not_sold() {
        OfferingHistory history = OfferingHistory.of(ACTION_PACK).with(published(1, actionPack(2)))
                .with(new OfferingWithdrawn(ACTION_PACK, 1, OPERATOR, AT));

        assertThat(refusal(() -> history.forPurchase(null))).isEqualTo("offering-withdrawn");
    }

    static String refusal(Runnable decision) {
        try {
            decision.run();
        } catch (BenefitRuleViolation refused) {
            return refused.code();
        }
        return "none";
    }
}
