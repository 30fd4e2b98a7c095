package io.benefitledger.query.cloud;

import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.query.BatchRows;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.seat.AssignmentRemoved;
import io.benefitledger.seat.SubscriptionKind;
import io.benefitledger.seat.SubscriptionOpened;
import io.benefitledger.seat.SubscriptionRevoked;
import io.benefitledger.seat.UserAssigned;
import io.benefitledger.query.reports.Allocation;
import io.benefitledger.query.reports.UtilisationCounts;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
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
    private final BatchRows<CloudBenefit.Key, CloudBenefit> batch;
    private final UtilisationCounts utilisation;

    CloudTabProjection(CloudBenefitRepository rows, EntityManager entities, UtilisationCounts utilisation) {
        this.rows = rows;
        this.batch = new BatchRows<>(CloudBenefit.class, rows::findOfAggregates, CloudBenefit::key, entities);
        this.utilisation = utilisation;
    }

    @EventHandler
    void on(PackagePurchased event, @SequenceNumber long sequence) {
        event.allocations().cloudLicenses().forEach(product -> opened(CloudBenefit.licenseBased(
                event.packageId().value(), product.productId().value(), event.partnerId().value(), product.name(),
                product.keys(), product.specialInstructions(), event.at(), sequence)));
    }

    @EventHandler
    void on(KeysRevealed event, @SequenceNumber long sequence) {
        update(new CloudBenefit.Key(event.partnerId().value(), CloudBenefit.licenseId(event.packageId().value(), event.productId().value())), sequence,
                row -> row.keysRevealed(event.keys().size(), event.at(), sequence));
    }

    @EventHandler
    void on(PackageCancelled event, @SequenceNumber long sequence) {
        batch.matching(row -> row.isLicenseOf(event.partnerId().value(), event.packageId().value()) && !row.hasSeen(sequence))
                .forEach(row -> change(row, changed -> changed.freed(BenefitStatus.REVOKED, sequence)));
    }

    @EventHandler
    void on(SubscriptionOpened event, @SequenceNumber long sequence) {
        if (event.kind() == SubscriptionKind.AZURE_USAGE) {
            opened(CloudBenefit.usageBased(event.subscriptionId().value(), event.partnerId().value(),
                    event.packageId().value(), event.benefitName(), event.at(), sequence));
        }
    }

    @EventHandler
    void on(UserAssigned event, @SequenceNumber long sequence) {
        update(new CloudBenefit.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.assigned(event.assignee().value(), event.at(), sequence));
    }

    @EventHandler
    void on(AssignmentRemoved event, @SequenceNumber long sequence) {
        update(new CloudBenefit.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.freed(BenefitStatus.AVAILABLE, sequence));
    }

    @EventHandler
    void on(SubscriptionRevoked event, @SequenceNumber long sequence) {
        update(new CloudBenefit.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.freed(BenefitStatus.REVOKED, sequence));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
        utilisation.clear("CLOUD");
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
    private void update(CloudBenefit.Key key, long sequence, Consumer<CloudBenefit> change) {
        batch.find(key).filter(row -> !row.hasSeen(sequence)).ifPresent(row -> change(row, change));
    }

    private void opened(CloudBenefit row) {
        if (batch.persist(row)) {
            utilisation.changed(null, row.allocation());
        }
    }

    private void change(CloudBenefit row, Consumer<CloudBenefit> change) {
        Allocation before = row.allocation();
        change.accept(row);
        utilisation.changed(before, row.allocation());
    }
}
