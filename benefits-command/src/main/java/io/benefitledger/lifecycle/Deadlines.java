package io.benefitledger.lifecycle;

import io.benefitledger.RunsWithTheCommand;
import io.benefitledger.offer.ExpireOffer;
import io.benefitledger.offer.OfferActivated;
import io.benefitledger.pkg.ExpireProduct;
import io.benefitledger.pkg.MembershipYear;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.PassMilestone;
import io.benefitledger.pkg.ProductActivated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

/**
 * What time does to benefits: each fact that sets a deadline schedules it, in the transaction that records the fact,
 * so no deadline is ever lost. The aggregate the deadline is sent to records it as an event stamped with the
 * deadline's instant, and refuses what comes after as it always has.
 */
@RunsWithTheCommand
@ProcessingGroup(Deadlines.GROUP)
public class Deadlines {

    public static final String GROUP = "deadlines";

    private final DeadlineSchedule schedule;

    public Deadlines(DeadlineSchedule schedule) {
        this.schedule = schedule;
    }

    @EventHandler
    void on(OfferActivated event) {
        schedule.schedule(event.expiresAt(), new ExpireOffer(event.partnerId(), event.offerId(), event.expiresAt()));
    }

    @EventHandler
    void on(ProductActivated event) {
        schedule.schedule(event.expiresAt(),
                new ExpireProduct(event.packageId(), event.partnerId(), event.productId(), event.expiresAt()));
    }

    @EventHandler
    void on(PackagePurchased event) {
        if (event.year() == null) {
            return;
        }
        for (MembershipYear.Milestone milestone : MembershipYear.Milestone.values()) {
            schedule.schedule(event.year().instantOf(milestone),
                    new PassMilestone(event.packageId(), event.partnerId(), milestone));
        }
    }
}
