package io.benefitledger.query.software;

import io.benefitledger.pkg.KeysRevealed;
import io.benefitledger.pkg.PackageCancelled;
import io.benefitledger.pkg.PackagePurchased;
import io.benefitledger.query.BatchRows;
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

/** Builds the Software tab: every licensed product of every package, with keys allocated and revealed. */
@Component
@ProcessingGroup(SoftwareTabProjection.NAME)
public class SoftwareTabProjection {

    public static final String NAME = "software-tab";

    private final SoftwareBenefitRepository rows;
    private final BatchRows<SoftwareBenefit.Key, SoftwareBenefit> batch;
    private final UtilisationCounts utilisation;

    SoftwareTabProjection(SoftwareBenefitRepository rows, EntityManager entities, UtilisationCounts utilisation) {
        this.rows = rows;
        this.batch = new BatchRows<>(SoftwareBenefit.class, rows::findByPackageIdIn, SoftwareBenefit::key, entities);
        this.utilisation = utilisation;
    }

    @EventHandler
    void on(PackagePurchased event, @SequenceNumber long sequence) {
        event.allocations().software().forEach(product -> {
            SoftwareBenefit row = new SoftwareBenefit(event.packageId().value(), product.productId().value(),
                    event.partnerId().value(), event.packageType(), product.name(), product.languages(),
                    product.operatingSystems(), product.specialInstructions(), product.keys(), event.at(), sequence);
            if (batch.persist(row)) {
                utilisation.changed(null, row.allocation());
            }
        });
    }

    @EventHandler
    void on(KeysRevealed event, @SequenceNumber long sequence) {
        batch.find(new SoftwareBenefit.Key(event.partnerId().value(), event.packageId().value(), event.productId().value()))
                .filter(row -> !row.hasSeen(sequence))
                .ifPresent(row -> change(row, changed -> changed.keysRevealed(event.keys().size(),
                        event.revealedBy().value(), event.at(), sequence)));
    }

    @EventHandler
    void on(PackageCancelled event, @SequenceNumber long sequence) {
        batch.matching(row -> row.isOf(event.partnerId().value(), event.packageId().value()) && !row.hasSeen(sequence))
                .forEach(row -> change(row, changed -> changed.revoked(sequence)));
    }

    private void change(SoftwareBenefit row, Consumer<SoftwareBenefit> change) {
        Allocation before = row.allocation();
        change.accept(row);
        utilisation.changed(before, row.allocation());
    }

    @ResetHandler
    void reset() {
        rows.deleteAllRows();
        utilisation.clear("SOFTWARE");
    }

    @QueryHandler
    SoftwareTab handle(FindSoftwareBenefits query) {
        PageRequest request = PageRequest.of(query.page(), query.size(), Sort.by("purchasedAt", "packageId", "productId"));
        var page = (query.status() == null
                ? rows.findByPartnerId(query.partnerId(), request)
                : rows.findByPartnerIdAndStatus(query.partnerId(), query.status(), request)).map(SoftwareBenefit::view);
        return new SoftwareTab(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }
}
