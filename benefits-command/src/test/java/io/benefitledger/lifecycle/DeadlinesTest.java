package io.benefitledger.lifecycle;

import io.benefitledger.benefit.OfferId;
import io.benefitledger.offer.ExpireOffer;
import io.benefitledger.offer.OfferActivated;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import io.benefitledger.pkg.Allocations;
import io.benefitledger.pkg.MembershipTerms;
import io.benefitledger.pkg.MembershipYear;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.PassMilestone;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Each fact that sets a deadline schedules it at the deadline's instant. */
class DeadlinesTest {

    static final PartnerId PARTNER = new PartnerId("contoso");
    static final PackageId PACKAGE = new PackageId("pkg-1");
    static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

    record Scheduled(Instant due, Object command) {
    }

    final List<Scheduled> scheduled = new ArrayList<>();
    final Deadlines deadlines = new Deadlines((due, command) -> scheduled.add(new Scheduled(due, command)));

    @Test
    void an_activated_offer_is_scheduled_to_expire_at_its_expiry() {
        OfferId kit = new OfferId("silver-marketing-kit");
        Instant expiresAt = AT.plus(Duration.ofDays(365));
        deadlines.on(new OfferActivated(PARTNER, kit, "FUL-1", expiresAt, AT));

        assertThat(scheduled).containsExactly(new Scheduled(expiresAt, new ExpireOffer(PARTNER, kit, expiresAt)));
    }

    @Test
    void a_membership_year_schedules_its_window_its_anniversary_and_the_end_of_its_grace() {
        MembershipYear year = new MembershipTerms(Duration.ofDays(30), Duration.ofDays(30)).yearFrom(AT);
        deadlines.on(new PackagePurchased(PACKAGE, PARTNER, "Action Pack", Allocations.software(List.of()), new UserId("alice"),
                AT, year, null));
        deadlines.on(new PackagePurchased(new PackageId("bought-before-years"), PARTNER, "Action Pack",
                Allocations.software(List.of()), new UserId("alice"), AT));

        assertThat(scheduled).containsExactly(
                new Scheduled(AT.plus(Duration.ofDays(335)), new PassMilestone(PACKAGE, PARTNER, MembershipYear.Milestone.RENEWAL_WINDOW_OPENS)),
                new Scheduled(AT.plus(Duration.ofDays(365)), new PassMilestone(PACKAGE, PARTNER, MembershipYear.Milestone.YEAR_ENDS)),
                new Scheduled(AT.plus(Duration.ofDays(395)), new PassMilestone(PACKAGE, PARTNER, MembershipYear.Milestone.GRACE_ENDS)));
    }
}
