package io.benefitledger.query.technical;

import io.benefitledger.query.reports.Allocation;
import io.benefitledger.pkg.TechnicalAllocation;
import io.benefitledger.query.BenefitStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/** A row of the Technical benefits tab: incidents or hours, who holds them, what is drawn and what is left. */
@Entity
@IdClass(TechnicalBenefit.Key.class)
@Table(name = "technical_benefit")
public class TechnicalBenefit {

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
    private TechnicalAllocation.Unit unit;
    private int quantity;
    private int drawn;
    @Enumerated(EnumType.STRING)
    private BenefitStatus status;
    private String assignedUser;
    private String alternativeEmail;
    private Instant pendingSince;
    private Instant activatedAt;
    private Instant openedAt;
    private long lastEventSequence;

    protected TechnicalBenefit() {
    }

    TechnicalBenefit(String subscriptionId, String partnerId, String packageId, String name,
                     TechnicalAllocation.Unit unit, int quantity, Instant openedAt, long sequence) {
        this.subscriptionId = subscriptionId;
        this.partnerId = partnerId;
        this.packageId = packageId;
        this.name = name;
        this.unit = unit;
        this.quantity = quantity;
        this.status = BenefitStatus.AVAILABLE;
        this.openedAt = openedAt;
        this.lastEventSequence = sequence;
    }

    void assigned(String user, String alternativeEmail, Instant at, long sequence) {
        this.assignedUser = user;
        this.alternativeEmail = alternativeEmail;
        this.status = BenefitStatus.PENDING;
        this.pendingSince = at;
        this.lastEventSequence = sequence;
    }

    void fulfilled(Instant at, long sequence) {
        status = BenefitStatus.ACTIVE;
        pendingSince = null;
        activatedAt = at;
        lastEventSequence = sequence;
    }

    void drawn(int remaining, long sequence) {
        drawn = quantity - remaining;
        lastEventSequence = sequence;
    }

    void freed(BenefitStatus newStatus, long sequence) {
        assignedUser = null;
        alternativeEmail = null;
        pendingSince = null;
        activatedAt = null;
        status = newStatus;
        lastEventSequence = sequence;
    }

    Allocation allocation() {
        return status == BenefitStatus.REVOKED ? null : new Allocation(partnerId, "TECHNICAL", name,
                unit.name().toLowerCase(Locale.ROOT) + "s", quantity, drawn);
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    TechnicalBenefitView view() {
        return new TechnicalBenefitView(subscriptionId, packageId, name, unit, quantity, drawn, quantity - drawn, status,
                assignedUser, alternativeEmail, pendingSince, activatedAt, openedAt);
    }

    Key key() {
        return new Key(partnerId, subscriptionId);
    }
}
