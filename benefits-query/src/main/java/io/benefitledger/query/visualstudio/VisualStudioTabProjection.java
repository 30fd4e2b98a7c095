package io.benefitledger.query.visualstudio;

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

/** Builds the Visual Studio subscriptions tab: every seat of every package, free or assigned. */
@Component
@ProcessingGroup(VisualStudioTabProjection.NAME)
public class VisualStudioTabProjection {

    public static final String NAME = "visual-studio-tab";

    private final VisualStudioSeatRepository rows;
    private final BatchRows<VisualStudioSeat.Key, VisualStudioSeat> batch;
    private final UtilisationCounts utilisation;

    VisualStudioTabProjection(VisualStudioSeatRepository rows, EntityManager entities, UtilisationCounts utilisation) {
        this.rows = rows;
        this.batch = new BatchRows<>(VisualStudioSeat.class, rows::findBySubscriptionIdIn, VisualStudioSeat::key, entities);
        this.utilisation = utilisation;
    }

    @EventHandler
    void on(SubscriptionOpened event, @SequenceNumber long sequence) {
        if (event.kind() == SubscriptionKind.VISUAL_STUDIO) {
            VisualStudioSeat seat = new VisualStudioSeat(event.subscriptionId().value(), event.partnerId().value(),
                    event.packageId().value(), event.benefitName(), event.at(), sequence);
            if (batch.persist(seat)) {
                utilisation.changed(null, seat.allocation());
            }
        }
    }

    @EventHandler
    void on(UserAssigned event, @SequenceNumber long sequence) {
        update(new VisualStudioSeat.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.assigned(event.assignee().value(), event.at(), sequence));
    }

    @EventHandler
    void on(AssignmentRemoved event, @SequenceNumber long sequence) {
        update(new VisualStudioSeat.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.freed(BenefitStatus.AVAILABLE, sequence));
    }

    @EventHandler
    void on(SubscriptionRevoked event, @SequenceNumber long sequence) {
        update(new VisualStudioSeat.Key(event.partnerId().value(), event.subscriptionId().value()), sequence, row -> row.freed(BenefitStatus.REVOKED, sequence));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
        utilisation.clear("VISUAL_STUDIO");
    }

    private void update(VisualStudioSeat.Key key, long sequence, Consumer<VisualStudioSeat> change) {
        batch.find(key).filter(row -> !row.hasSeen(sequence)).ifPresent(row -> {
            Allocation before = row.allocation();
            change.accept(row);
            utilisation.changed(before, row.allocation());
        });
    }

    @QueryHandler
    VisualStudioTab handle(FindVisualStudioSeats query) {
        PageRequest request = PageRequest.of(query.page(), query.size(), Sort.by("openedAt", "subscriptionId"));
        var page = (query.status() == null
                ? rows.findByPartnerId(query.partnerId(), request)
                : rows.findByPartnerIdAndStatus(query.partnerId(), query.status(), request)).map(VisualStudioSeat::view);
        return new VisualStudioTab(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(),
                rows.countByPartnerIdAndStatus(query.partnerId(), BenefitStatus.ACTIVE));
    }
}
