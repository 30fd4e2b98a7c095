package io.benefitledger.query.benefit;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.benefit.SubscriptionStatus;
import io.benefitledger.benefit.Unit;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.ProductId;
import io.benefitledger.seat.SubscriptionOpened;
import io.benefitledger.seat.UserAssigned;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.benefitledger.query.ReadSideDatabase.batch;
import static io.benefitledger.query.ReadSideDatabase.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The rows of the benefit tabs and their utilisation counts, as batches of events leave them in PostgreSQL. */
class BenefitsProjectionTest {

    static final Instant PURCHASED = Instant.parse("2026-11-02T09:00:00Z");

    final JdbcTemplate jdbc = io.benefitledger.query.ReadSideDatabase.jdbc();
    final BenefitsProjection projection = new BenefitsProjection(jdbc, new UtilisationCounts(jdbc));
    final String partner = "contoso-" + UUID.randomUUID();

    @Test
    void a_purchase_and_a_reveal_of_its_keys_in_one_batch_leave_the_product_active_with_the_keys_counted_as_used() {
        batch(0, List.of(purchased("action-pack", 0), revealed("action-pack", 1, 2)), projection);

        assertThat(product("action-pack")).containsEntry("status", "ACTIVE").containsEntry("used", 2)
                .containsEntry("quantity", 10).containsEntry("last_event_sequence", 1L)
                .containsEntry("last_revealed_by", "alice");
        assertThat(utilisation("Office")).containsExactly(10L, 2L);
    }

    @Test
    void a_reveal_delivered_again_in_a_later_batch_changes_nothing() {
        batch(0, List.of(purchased("action-pack", 0), revealed("action-pack", 1, 2)), projection);

        batch(0, List.of(revealed("action-pack", 1, 2)), projection);

        assertThat(product("action-pack")).containsEntry("used", 2);
        assertThat(utilisation("Office")).containsExactly(10L, 2L);
    }

    @Test
    void a_purchase_delivered_again_after_its_keys_were_revealed_changes_nothing() {
        batch(0, List.of(purchased("action-pack", 0), revealed("action-pack", 1, 3)), projection);

        batch(0, List.of(purchased("action-pack", 0)), projection);

        assertThat(product("action-pack")).containsEntry("used", 3).containsEntry("status", "ACTIVE");
        assertThat(utilisation("Office")).containsExactly(10L, 3L);
    }

    @Test
    void a_seat_opened_in_one_batch_is_assigned_by_the_next() {
        String seat = "action-pack:vs:1";
        batch(0, List.of(event("Subscription", partner + "/" + seat, 0, new SubscriptionOpened(new SubscriptionId(seat),
                new PackageId("action-pack"), new PartnerId(partner), BenefitKind.VISUAL_STUDIO,
                "Visual Studio Enterprise", 1, Unit.SEAT, PURCHASED))), projection);

        batch(0, List.of(event("Subscription", partner + "/" + seat, 1, new UserAssigned(new SubscriptionId(seat),
                new PartnerId(partner), new UserId("dave"), null, SubscriptionStatus.ACTIVE, new UserId("alice"),
                PURCHASED.plusSeconds(60)))), projection);

        assertThat(jdbc.queryForMap("select status, assigned_user, used from benefit where partner_id = ? and benefit_id = ?",
                partner, seat)).containsEntry("status", "ACTIVE").containsEntry("assigned_user", "dave")
                .containsEntry("used", 1);
        assertThat(utilisation("Visual Studio Enterprise")).containsExactly(1L, 1L);
    }

    @Test
    void each_segment_counts_a_product_in_a_share_of_its_own_and_the_report_reads_their_sum() {
        batch(0, List.of(purchased("action-pack", 0), revealed("action-pack", 1, 2)), projection);
        batch(1, List.of(purchased("silver-core", 0), revealed("silver-core", 1, 1)), projection);

        assertThat(jdbc.queryForList("select segment from utilisation_share where partner_id = ? order by segment",
                Integer.class, partner)).containsExactly(0, 1);
        assertThat(utilisation("Office")).containsExactly(20L, 3L);
    }

    @Test
    void a_segment_commits_its_counts_while_the_other_segments_batch_counting_the_same_product_is_still_open()
            throws Exception {
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch firstMayCommit = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> batch(0, List.of(purchased("action-pack", 0)),
                () -> {
                    firstWrote.countDown();
                    await(firstMayCommit);
                }, projection));
        assertThat(firstWrote.await(30, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> second = CompletableFuture.runAsync(() ->
                batch(1, List.of(purchased("silver-core", 0)), projection));

        second.get(10, TimeUnit.SECONDS);
        assertThat(first).isNotDone();
        firstMayCommit.countDown();
        first.get(30, TimeUnit.SECONDS);
        assertThat(utilisation("Office")).containsExactly(20L, 0L);
    }

    @Test
    void a_rebuild_starts_the_rows_and_counts_again_from_nothing() {
        batch(0, List.of(purchased("action-pack", 0)), projection);

        projection.reset();

        assertThat(jdbc.queryForObject("select count(*) from benefit", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from utilisation_share", Long.class)).isZero();
    }

    private DomainEventMessage<?> purchased(String packageId, long sequence) {
        LicensedProduct office = new LicensedProduct(new ProductId("office"), "Office", 10, List.of("en-US"),
                List.of("x64"), "https://dl.example/{language}/{os}", "Keep the keys safe");
        return event("BenefitPackage", partner + "/" + packageId, sequence, new PackagePurchased(new PackageId(packageId),
                new PartnerId(partner), "Action Pack", Allocations.software(List.of(office)), new UserId("alice"),
                PURCHASED));
    }

    private DomainEventMessage<?> revealed(String packageId, long sequence, int keys) {
        return event("BenefitPackage", partner + "/" + packageId, sequence, new KeysRevealed(new PackageId(packageId),
                new PartnerId(partner), new ProductId("office"), java.util.Collections.nCopies(keys, "KEY-" + sequence),
                "en-US", "x64", "https://dl.example/en-US/x64", new UserId("alice"),
                PURCHASED.plus(Duration.ofMinutes(sequence))));
    }

    private Map<String, Object> product(String packageId) {
        return jdbc.queryForMap("select * from benefit where partner_id = ? and benefit_id = ?", partner,
                SubscriptionId.of(packageId, "office").value());
    }

    /** What the report reads: allocated and used, summed over the segments' shares. */
    private List<Long> utilisation(String product) {
        return jdbc.queryForObject("select allocated, used from utilisation where partner_id = ? and product = ?",
                (row, index) -> List.of(row.getLong("allocated"), row.getLong("used")), partner, product);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
