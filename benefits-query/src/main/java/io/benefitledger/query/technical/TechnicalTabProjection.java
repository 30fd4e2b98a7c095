package io.benefitledger.query.technical;

import io.benefitledger.query.BatchRows;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.seat.ActivationFulfilled;
import io.benefitledger.seat.AssignmentRemoved;
import io.benefitledger.seat.BenefitDrawn;
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

/** Builds the Technical benefits tab: incidents and hours, their activation and what is left of them. */
@Component
@ProcessingGroup(TechnicalTabProjection.NAME)
public class TechnicalTabProjection {

    public static final String NAME = "technical-tab";

    private final TechnicalBenefitRepository rows;
    private final BatchRows<TechnicalBenefit.Key, TechnicalBenefit> batch;
    private final UtilisationCounts utilisation;

    TechnicalTabProjection(TechnicalBenefitRepository rows, EntityManager entities, UtilisationCounts utilisation) {
        this.rows = rows;
        this.batch = new BatchRows<>(TechnicalBenefit.class, rows::findBySubscriptionIdIn, TechnicalBenefit::key, entities);
        this.utilisation = utilisation;
    }

    @EventHandler
    void on(SubscriptionOpened event, @SequenceNumber long sequence) {
        if (event.kind() == SubscriptionKind.TECHNICAL) {
            TechnicalBenefit benefit = new TechnicalBenefit(event.subscriptionId().value(), event.partnerId().value(),
                    event.packageId().value(), event.benefitName(), event.unit(), event.quantity(), event.at(), sequence);
            if (batch.persist(benefit)) {
                utilisation.changed(null, benefit.allocation());
            }
        }
    }

    @EventHandler
    void on(UserAssigned event, @SequenceNumber long sequence) {
        update(new TechnicalBenefit.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.assigned(event.assignee().value(),
                event.alternativeEmail() == null ? null : event.alternativeEmail().value(), event.at(), sequence));
    }

    @EventHandler
    void on(ActivationFulfilled event, @SequenceNumber long sequence) {
        update(new TechnicalBenefit.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.fulfilled(event.at(), sequence));
    }

    @EventHandler
    void on(BenefitDrawn event, @SequenceNumber long sequence) {
        update(new TechnicalBenefit.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.drawn(event.remaining(), sequence));
    }

    @EventHandler
    void on(AssignmentRemoved event, @SequenceNumber long sequence) {
        update(new TechnicalBenefit.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.freed(BenefitStatus.AVAILABLE, sequence));
    }

    @EventHandler
    void on(SubscriptionRevoked event, @SequenceNumber long sequence) {
        update(new TechnicalBenefit.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.freed(BenefitStatus.REVOKED, sequence));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
        utilisation.clear("TECHNICAL");
    }

    @QueryHandler
    TechnicalTab handle(FindTechnicalBenefits query) {
        PageRequest request = PageRequest.of(query.page(), query.size(), Sort.by("openedAt", "subscriptionId"));
        var page = (query.status() == null
                ? rows.findByPartnerId(query.partnerId(), request)
                : rows.findByPartnerIdAndStatus(query.partnerId(), query.status(), request)).map(TechnicalBenefit::view);
        return new TechnicalTab(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
    }

    /** Rows of other kinds of subscription are not this tab's; a redelivered event changes nothing. */
    private void update(TechnicalBenefit.Key key, long sequence, Consumer<TechnicalBenefit> change) {
        batch.find(key).filter(row -> !row.hasSeen(sequence)).ifPresent(row -> {
            Allocation before = row.allocation();
            change.accept(row);
            utilisation.changed(before, row.allocation());
        });
    }
}
