package io.benefitledger.query.visualstudio;

import io.benefitledger.query.BenefitStatus;
import io.benefitledger.seat.AssignmentRemoved;
import io.benefitledger.seat.SubscriptionKind;
import io.benefitledger.seat.SubscriptionOpened;
import io.benefitledger.seat.SubscriptionRevoked;
import io.benefitledger.seat.UserAssigned;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/** Builds the Visual Studio subscriptions tab: every seat of every package, free or assigned. */
@Component
@ProcessingGroup(VisualStudioTabProjection.NAME)
public class VisualStudioTabProjection {

    public static final String NAME = "visual-studio-tab";

    private final VisualStudioSeatRepository rows;
    private final EntityManager entities;

    VisualStudioTabProjection(VisualStudioSeatRepository rows, EntityManager entities) {
        this.rows = rows;
        this.entities = entities;
    }

    @EventHandler
    void on(SubscriptionOpened event, @SequenceNumber long sequence) {
        if (event.kind() == SubscriptionKind.VISUAL_STUDIO) {
            entities.persist(new VisualStudioSeat(event.subscriptionId().value(), event.partnerId().value(),
                    event.packageId().value(), event.benefitName(), event.at(), sequence));
        }
    }

    @EventHandler
    void on(UserAssigned event, @SequenceNumber long sequence) {
        rows.findById(event.subscriptionId().value()).filter(row -> !row.hasSeen(sequence))
                .ifPresent(row -> row.assigned(event.assignee().value(), event.at(), sequence));
    }

    @EventHandler
    void on(AssignmentRemoved event, @SequenceNumber long sequence) {
        rows.findById(event.subscriptionId().value()).filter(row -> !row.hasSeen(sequence))
                .ifPresent(row -> row.freed(BenefitStatus.AVAILABLE, sequence));
    }

    @EventHandler
    void on(SubscriptionRevoked event, @SequenceNumber long sequence) {
        rows.findById(event.subscriptionId().value()).filter(row -> !row.hasSeen(sequence))
                .ifPresent(row -> row.freed(BenefitStatus.REVOKED, sequence));
    }

    @ResetHandler
    void reset() {
        rows.deleteAllInBatch();
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
