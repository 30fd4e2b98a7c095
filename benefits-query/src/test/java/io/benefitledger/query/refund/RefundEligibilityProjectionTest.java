package io.benefitledger.query.refund;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.pkg.refund.RefundPolicy;
import io.benefitledger.pkg.refund.RefundRules;
import io.benefitledger.query.ReadSideDatabase;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.benefitledger.query.ReadSideDatabase.batch;
import static io.benefitledger.query.ReadSideDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The facts the refund rule decides from, as batches of a package's events leave them in PostgreSQL. */
class RefundEligibilityProjectionTest {

    static final Instant PURCHASED = Instant.parse("2026-11-02T09:00:00Z");
    /** refund-rule/1, which lists every reveal as evidence, so the reveals after the first are kept. */
    static final RefundRules EVERY_REVEAL = RefundRules.of(new RefundRules.Term(RefundPolicy.EVERY_REVEAL, Instant.EPOCH));

    final JdbcTemplate jdbc = ReadSideDatabase.jdbc();
    // the queries' repositories are not asked by the event handlers
    final RefundEligibilityProjection projection = new RefundEligibilityProjection(jdbc, null, null, EVERY_REVEAL);
    final String partner = "fabrikam-" + UUID.randomUUID();

    @Test
    void a_package_bought_and_revealed_twice_in_one_batch_keeps_its_first_reveal_and_the_later_one_beside_it() {
        batch(0, List.of(purchased(), revealed(1), revealed(2)), projection);

        assertThat(jdbc.queryForMap("""
                select software_activated, first_activation_sequence, purchase_sequence, cancelled, last_event_sequence
                from refund_eligibility where partner_id = ? and package_id = 'action-pack'""", partner))
                .containsEntry("software_activated", true).containsEntry("first_activation_sequence", 1L)
                .containsEntry("purchase_sequence", 0L).containsEntry("cancelled", false)
                .containsEntry("last_event_sequence", 2L);
        assertThat(laterReveals()).containsExactly(2L);
    }

    @Test
    void a_reveal_delivered_again_keeps_no_second_copy() {
        batch(0, List.of(purchased(), revealed(1), revealed(2)), projection);

        batch(0, List.of(revealed(2)), projection);
        batch(0, List.of(purchased()), projection);

        assertThat(laterReveals()).containsExactly(2L);
        assertThat(jdbc.queryForObject("select last_event_sequence from refund_eligibility where partner_id = ?",
                Long.class, partner)).isEqualTo(2L);
    }

    @Test
    void a_later_reveal_in_a_batch_after_the_purchase_is_kept_beside_the_first() {
        batch(0, List.of(purchased(), revealed(1)), projection);

        batch(1, List.of(revealed(2), revealed(3)), projection);

        assertThat(laterReveals()).containsExactly(2L, 3L);
    }

    private List<Long> laterReveals() {
        return jdbc.queryForList("""
                select sequence_number from refund_later_activation where partner_id = ? and package_id = 'action-pack'
                order by sequence_number""", Long.class, partner);
    }

    private DomainEventMessage<?> purchased() {
        LicensedProduct office = new LicensedProduct(new ProductId("office"), "Office", 10, List.of("en-US"),
                List.of("x64"), "https://dl.example/{language}/{os}", null);
        return event("BenefitPackage", partner + "/action-pack", 0, new PackagePurchased(new PackageId("action-pack"),
                new PartnerId(partner), "Action Pack", Allocations.software(List.of(office)), new UserId("alice"),
                PURCHASED));
    }

    private DomainEventMessage<?> revealed(long sequence) {
        return event("BenefitPackage", partner + "/action-pack", sequence, new KeysRevealed(new PackageId("action-pack"),
                new PartnerId(partner), new ProductId("office"), List.of("KEY-" + sequence), "en-US", "x64",
                "https://dl.example/en-US/x64", new UserId("alice"), PURCHASED.plus(Duration.ofHours(sequence))));
    }
}
