package io.benefitledger.query.year;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.MembershipRenewed;
import io.benefitledger.pkg.MembershipYear;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
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

/** The packages' membership years, as batches of their events leave them in PostgreSQL. */
class PackageYearProjectionTest {

    static final Instant START = Instant.parse("2026-01-05T10:00:00Z");

    final JdbcTemplate jdbc = ReadSideDatabase.jdbc();
    final PackageYearProjection projection = new PackageYearProjection(jdbc);
    final String partner = "contoso-" + UUID.randomUUID();

    @Test
    void a_year_bought_and_renewed_in_one_batch_reads_renewed_by_the_renewal() {
        batch(0, List.of(purchased("action-pack-2026", 0), renewed("action-pack-2026", 1, "action-pack-2027")),
                projection);

        assertThat(jdbc.queryForMap("select status, renewed_by, offering, anniversary from package_year "
                                    + "where partner_id = ? and package_id = 'action-pack-2026'", partner))
                .containsEntry("status", "RENEWED").containsEntry("renewed_by", "action-pack-2027")
                .containsEntry("offering", "Action Pack");
    }

    @Test
    void a_purchase_delivered_again_after_its_year_was_renewed_changes_nothing() {
        batch(0, List.of(purchased("action-pack-2026", 0), renewed("action-pack-2026", 1, "action-pack-2027")),
                projection);

        batch(0, List.of(purchased("action-pack-2026", 0)), projection);

        assertThat(jdbc.queryForObject("select status from package_year where partner_id = ?", String.class, partner))
                .isEqualTo("RENEWED");
    }

    @Test
    void another_partners_package_of_the_same_id_keeps_its_own_year() {
        String other = "fabrikam-" + UUID.randomUUID();
        batch(0, List.of(purchased("action-pack-2026", 0)), projection);
        batch(0, List.of(event("BenefitPackage", other + "/action-pack-2026", 0, new PackagePurchased(
                new PackageId("action-pack-2026"), new PartnerId(other), "Action Pack", Allocations.software(List.of()),
                new UserId("bob"), START, year(), null)), renewed("action-pack-2026", 1, "action-pack-2027")), projection);

        assertThat(jdbc.queryForList("select partner_id || ' ' || status from package_year where partner_id in (?, ?) "
                                     + "order by partner_id", String.class, partner, other))
                .containsExactlyInAnyOrder(partner + " RENEWED", other + " RUNNING");
    }

    private DomainEventMessage<?> purchased(String packageId, long sequence) {
        return event("BenefitPackage", partner + "/" + packageId, sequence, new PackagePurchased(new PackageId(packageId),
                new PartnerId(partner), "Action Pack", Allocations.software(List.of()), new UserId("alice"), START,
                year(), null));
    }

    private DomainEventMessage<?> renewed(String packageId, long sequence, String by) {
        return event("BenefitPackage", partner + "/" + packageId, sequence, new MembershipRenewed(
                new PackageId(packageId), new PartnerId(partner), new PackageId(by), START.plus(Duration.ofDays(340))));
    }

    private static MembershipYear year() {
        return new MembershipYear(START, START.plus(Duration.ofDays(335)), START.plus(Duration.ofDays(365)),
                START.plus(Duration.ofDays(395)));
    }
}
