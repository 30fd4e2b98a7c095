package io.benefitledger.query.year;

import io.benefitledger.pkg.GracePeriodOver;
import io.benefitledger.pkg.MembershipRenewed;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.pkg.MembershipYearEnded;
import io.benefitledger.pkg.PackageBenefitsExpired;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.RenewalWindowOpened;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.pkg.PackageId;
import io.benefitledger.query.ReadSide;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** Keeps each package's membership year: its dates, and its renewal window, grace and expiry as they are recorded. */
@Component
@ProcessingGroup(ReadSide.GROUP)
class PackageYearProjection {

    private final PackageYearRepository years;

    PackageYearProjection(PackageYearRepository years) {
        this.years = years;
    }

    @EventHandler
    void on(PackagePurchased event, @SequenceNumber long sequence) {
        if (event.year() == null) {
            return;
        }
        PackageYear.Key key = new PackageYear.Key(event.partnerId().value(), event.packageId().value());
        if (!years.existsById(key)) {
            years.save(new PackageYear(key.partnerId(), key.packageId(), event.offeringKey(), event.year().start(),
                    event.year().renewalWindowOpens(), event.year().anniversary(), event.year().graceEnds(),
                    event.renewalOf() == null ? null : event.renewalOf().value(), sequence));
        }
    }

    @EventHandler
    void on(RenewalWindowOpened event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.passed(PackageYear.Status.RENEWAL_OPEN, sequence));
    }

    @EventHandler
    void on(MembershipYearEnded event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.passed(PackageYear.Status.IN_GRACE, sequence));
    }

    @EventHandler
    void on(MembershipRenewed event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.renewed(event.renewedBy().value(), sequence));
    }

    @EventHandler
    void on(GracePeriodOver event, @SequenceNumber long sequence) {
        // the expiry that follows an unrenewed year is its own event
        update(event.partnerId(), event.packageId(), sequence, year -> year.passed(PackageYear.Status.IN_GRACE, sequence));
    }

    @EventHandler
    void on(PackageBenefitsExpired event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.moved(PackageYear.Status.EXPIRED, sequence));
    }

    @EventHandler
    void on(PackageCancelled event, @SequenceNumber long sequence) {
        update(event.partnerId(), event.packageId(), sequence, year -> year.moved(PackageYear.Status.REVOKED, sequence));
    }

    @ResetHandler
    void reset() {
        years.deleteAllInBatch();
    }

    private void update(PartnerId partner, PackageId packageId, long sequence, Consumer<PackageYear> change) {
        years.findById(new PackageYear.Key(partner.value(), packageId.value())).filter(year -> !year.hasSeen(sequence))
                .ifPresent(change);
    }
}
