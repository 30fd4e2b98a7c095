package io.benefitledger.query.cloud;

import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.seat.AssignmentRemoved;
import io.benefitledger.seat.SubscriptionKind;
import io.benefitledger.seat.SubscriptionOpened;
import io.benefitledger.seat.SubscriptionRevoked;
import io.benefitledger.seat.UserAssigned;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.function.Consumer;

/** Builds the Cloud tab: license-based subscriptions from purchases and key reveals, usage-based ones from seats. */
@Component
@ProcessingGroup(CloudTabProjection.NAME)
public class CloudTabProjection {

    public static final String NAME = "cloud-tab";

    private final CloudBenefitRepository rows;

    CloudTabProjection(CloudBenefitRepository rows) {
        this.rows = rows;
    }

    @EventHandler
    void on(PackagePurchased event, TrackingToken token) {
        event.allocations().cloudLicenses().forEach(product -> {
            String id = CloudBenefit.licenseId(event.packageId().value(), product.productId().value());
            if (!rows.existsById(id)) {
                rows.save(CloudBenefit.licenseBased(event.packageId().value(), product.productId().value(),
                        event.partnerId().value(), product.name(), product.keys(), product.specialInstructions(),
                        event.at(), position(token)));
            }
        });
    }

    @EventHandler
    void on(KeysRevealed event, TrackingToken token) {
        update(CloudBenefit.licenseId(event.packageId().value(), event.productId().value()), token,
                row -> row.keysRevealed(event.keys().size(), event.at(), position(token)));
    }

    @EventHandler
    void on(PackageCancelled event, TrackingToken token) {
        rows.findByPackageIdAndKind(event.packageId().value(), CloudBenefit.Kind.LICENSE_BASED).stream()
                .filter(row -> !row.hasSeen(position(token)))
                .forEach(row -> row.freed(BenefitStatus.REVOKED, position(token)));
    }

    @EventHandler
    void on(SubscriptionOpened event, TrackingToken token) {
        if (event.kind() == SubscriptionKind.AZURE_USAGE && !rows.existsById(event.subscriptionId().value())) {
            rows.save(CloudBenefit.usageBased(event.subscriptionId().value(), event.partnerId().value(),
                    event.packageId().value(), event.benefitName(), event.at(), position(token)));
        }
    }

    @EventHandler
    void on(UserAssigned event, TrackingToken token) {
        update(event.subscriptionId().value(), token, row -> row.assigned(event.assignee().value(), event.at(), position(token)));
    }

    @EventHandler
    void on(AssignmentRemoved event, TrackingToken token) {
        update(event.subscriptionId().value(), token, row -> row.freed(BenefitStatus.AVAILABLE, position(token)));
    }

    @EventHandler
    void on(SubscriptionRevoked event, TrackingToken token) {
        update(event.subscriptionId().value(), token, row -> row.freed(BenefitStatus.REVOKED, position(token)));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
    }

    @QueryHandler
    CloudTab handle(FindCloudBenefits query) {
        PageRequest request = PageRequest.of(query.page(), query.size(), Sort.by("openedAt", "benefitId"));
        var page = (query.status() == null
                ? rows.findByPartnerId(query.partnerId(), request)
                : rows.findByPartnerIdAndStatus(query.partnerId(), query.status(), request)).map(CloudBenefit::view);
        return new CloudTab(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }

    /** Rows of other tabs are not this one's; a redelivered event changes nothing. */
    private void update(String benefitId, TrackingToken token, Consumer<CloudBenefit> change) {
        rows.findById(benefitId).filter(row -> !row.hasSeen(position(token))).ifPresent(change);
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow();
    }
}
