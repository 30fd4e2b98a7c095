package io.benefitledger.query.visualstudio;

import io.benefitledger.query.BenefitStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of the Visual Studio subscriptions tab: one seat, and who holds it. */
@Entity
@Table(name = "visual_studio_seat")
public class VisualStudioSeat {

    @Id
    private String subscriptionId;
    private String partnerId;
    private String packageId;
    private String name;
    @Enumerated(EnumType.STRING)
    private BenefitStatus status;
    private String assignedUser;
    private Instant assignedAt;
    private Instant openedAt;
    private long lastEventPosition;

    protected VisualStudioSeat() {
    }

    VisualStudioSeat(String subscriptionId, String partnerId, String packageId, String name, Instant openedAt, long position) {
        this.subscriptionId = subscriptionId;
        this.partnerId = partnerId;
        this.packageId = packageId;
        this.name = name;
        this.status = BenefitStatus.AVAILABLE;
        this.openedAt = openedAt;
        this.lastEventPosition = position;
    }

    void assigned(String user, Instant at, long position) {
        assignedUser = user;
        assignedAt = at;
        status = BenefitStatus.ACTIVE;
        lastEventPosition = position;
    }

    void freed(BenefitStatus newStatus, long position) {
        assignedUser = null;
        assignedAt = null;
        status = newStatus;
        lastEventPosition = position;
    }

    boolean hasSeen(long position) {
        return position <= lastEventPosition;
    }

    VisualStudioSeatView view() {
        return new VisualStudioSeatView(subscriptionId, packageId, name, status, assignedUser, assignedAt, openedAt);
    }
}
