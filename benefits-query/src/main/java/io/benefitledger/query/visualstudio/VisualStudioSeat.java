package io.benefitledger.query.visualstudio;

import io.benefitledger.query.reports.Allocation;
import io.benefitledger.query.BenefitStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A row of the Visual Studio subscriptions tab: one seat, and who holds it. */
@Entity
@IdClass(VisualStudioSeat.Key.class)
@Table(name = "visual_studio_seat")
public class VisualStudioSeat {

    /** A row is its partner's: another partner may use the same id. */
    public record Key(String partnerId, String subscriptionId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private String partnerId;
    @Id
    private String subscriptionId;
    private String packageId;
    private String name;
    @Enumerated(EnumType.STRING)
    private BenefitStatus status;
    private String assignedUser;
    private Instant assignedAt;
    private Instant openedAt;
    private long lastEventSequence;

    protected VisualStudioSeat() {
    }

    VisualStudioSeat(String subscriptionId, String partnerId, String packageId, String name, Instant openedAt, long sequence) {
        this.subscriptionId = subscriptionId;
        this.partnerId = partnerId;
        this.packageId = packageId;
        this.name = name;
        this.status = BenefitStatus.AVAILABLE;
        this.openedAt = openedAt;
        this.lastEventSequence = sequence;
    }

    void assigned(String user, Instant at, long sequence) {
        assignedUser = user;
        assignedAt = at;
        status = BenefitStatus.ACTIVE;
        lastEventSequence = sequence;
    }

    void freed(BenefitStatus newStatus, long sequence) {
        assignedUser = null;
        assignedAt = null;
        status = newStatus;
        lastEventSequence = sequence;
    }

    Allocation allocation() {
        return status == BenefitStatus.REVOKED ? null
                : new Allocation(partnerId, "VISUAL_STUDIO", name, "seats", 1, assignedUser == null ? 0 : 1);
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    VisualStudioSeatView view() {
        return new VisualStudioSeatView(subscriptionId, packageId, name, status, assignedUser, assignedAt, openedAt);
    }

    Key key() {
        return new Key(partnerId, subscriptionId);
    }
}
