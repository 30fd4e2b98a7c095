package io.benefitledger.query.benefit;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.benefit.Opening;
import io.benefitledger.benefit.SubscriptionStatus;
import io.benefitledger.benefit.Unit;
import io.benefitledger.pkg.LicensedProduct;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.cloud.CloudBenefitView;
import io.benefitledger.query.software.SoftwareBenefitView;
import io.benefitledger.query.technical.TechnicalBenefitView;
import io.benefitledger.query.visualstudio.VisualStudioSeatView;
import io.benefitledger.query.year.MembershipYearView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * One benefit of a package as the Benefits tabs show it, whatever its kind: a licensed product (keys), or a
 * subscription (a seat, a usage-based subscription, a technical benefit). The tab is its kind's. License keys
 * themselves are never kept here.
 */
@Entity
@Table(name = "benefit")
@IdClass(BenefitRow.Key.class)
public class BenefitRow {

    /** A row is its partner's: another partner may use the same id. */
    public record Key(String partnerId, String benefitId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private String partnerId;
    @Id
    private String benefitId;
    private String packageId;
    /** The licensed product's id; a subscription's is part of its own id. */
    private String allocationId;
    @Enumerated(EnumType.STRING)
    private BenefitKind kind;
    @Enumerated(EnumType.STRING)
    private BenefitKind.Tab tab;
    private String packageType;
    private String name;
    @Enumerated(EnumType.STRING)
    private Unit unit;
    private int quantity;
    private int used;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> languages;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> operatingSystems;
    private String specialInstructions;
    @Enumerated(EnumType.STRING)
    private BenefitStatus status;
    private String assignedUser;
    private String alternativeEmail;
    private Instant assignedAt;
    private Instant pendingSince;
    private Instant activatedAt;
    private Instant lastRevealedAt;
    private String lastRevealedBy;
    private Instant openedAt;
    /** When a product whose validity runs from its activation expires; null: it lasts its package's year. */
    private Instant expiresAt;
    private long lastEventSequence;

    protected BenefitRow() {
    }

    private BenefitRow(String partnerId, String benefitId, String packageId, String allocationId, BenefitKind kind,
                       String name, Unit unit, int quantity, Instant openedAt, long sequence) {
        this.partnerId = partnerId;
        this.benefitId = benefitId;
        this.packageId = packageId;
        this.allocationId = allocationId;
        this.kind = kind;
        this.tab = kind.tab();
        this.name = name;
        this.unit = unit;
        this.quantity = quantity;
        this.status = BenefitStatus.AVAILABLE;
        this.openedAt = openedAt;
        this.lastEventSequence = sequence;
    }

    /** A licensed product the package holds itself, whose keys are revealed from it. */
    static BenefitRow licensed(String partnerId, String benefitId, String packageId, String packageType,
                               BenefitKind kind, LicensedProduct product, Instant purchasedAt, long sequence) {
        BenefitRow row = new BenefitRow(partnerId, benefitId, packageId, product.productId().value(), kind,
                product.name(), Unit.KEY, product.keys(), purchasedAt, sequence);
        row.packageType = packageType;
        row.languages = product.languages();
        row.operatingSystems = product.operatingSystems();
        row.specialInstructions = product.specialInstructions();
        return row;
    }

    /** A subscription the package opened. */
    static BenefitRow subscription(String partnerId, String subscriptionId, String packageId, BenefitKind kind,
                                   String name, Unit unit, int quantity, Instant openedAt, long sequence) {
        return new BenefitRow(partnerId, subscriptionId, packageId, null, kind, name, unit, quantity, openedAt, sequence);
    }

    void keysRevealed(int count, String by, Instant at, long sequence) {
        used += count;
        lastRevealedAt = at;
        lastRevealedBy = by;
        activated(at, sequence);
    }

    void assigned(String user, String alternativeEmail, SubscriptionStatus assignedStatus, Instant at, long sequence) {
        assignedUser = user;
        this.alternativeEmail = alternativeEmail;
        assignedAt = at;
        if (!unit.isDrawn()) {
            used = quantity;
        }
        if (assignedStatus == SubscriptionStatus.PENDING) {
            status = BenefitStatus.PENDING;
            pendingSince = at;
            lastEventSequence = sequence;
        } else {
            activated(at, sequence);
        }
    }

    void fulfilled(Instant at, long sequence) {
        pendingSince = null;
        activated(at, sequence);
    }

    void drawn(int remaining, long sequence) {
        used = quantity - remaining;
        lastEventSequence = sequence;
    }

    void freed(BenefitStatus newStatus, long sequence) {
        assignedUser = null;
        alternativeEmail = null;
        assignedAt = null;
        pendingSince = null;
        activatedAt = null;
        if (!unit.isDrawn()) {
            used = 0;
        }
        status = newStatus;
        lastEventSequence = sequence;
    }

    void validUntil(Instant expiry, long sequence) {
        expiresAt = expiry;
        lastEventSequence = sequence;
    }

    /** Expired with its package's year, or its validity from activation: the assignment ends, what was used stays counted. */
    void expired(long sequence) {
        assignedUser = null;
        alternativeEmail = null;
        pendingSince = null;
        status = BenefitStatus.EXPIRED;
        lastEventSequence = sequence;
    }

    private void activated(Instant at, long sequence) {
        status = BenefitStatus.ACTIVE;
        if (activatedAt == null) {
            activatedAt = at;
        }
        lastEventSequence = sequence;
    }

    /** Whether the package holds this benefit itself (its keys), rather than a subscription it opened. */
    boolean isHeldBy(String partner, String pkg) {
        return partnerId.equals(partner) && packageId.equals(pkg) && kind.opening() == Opening.NONE;
    }

    /** What the benefit counts for in the utilisation report; a revoked benefit counts for nothing. */
    Allocation allocation() {
        return status == BenefitStatus.REVOKED ? null
                : new Allocation(partnerId, tab, name, unit.plural(), quantity, used);
    }

    /** Whether the event with {@code sequence} in its aggregate is already reflected; a redelivered event changes nothing. */
    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    String packageId() {
        return packageId;
    }

    Key key() {
        return new Key(partnerId, benefitId);
    }

    SoftwareBenefitView software(MembershipYearView year) {
        return new SoftwareBenefitView(packageId, allocationId, packageType, name,
                List.copyOf(languages), List.copyOf(operatingSystems), specialInstructions, quantity, used,
                quantity - used, status, openedAt, lastRevealedAt, lastRevealedBy, expiresAt, year);
    }

    CloudBenefitView cloud(MembershipYearView year) {
        boolean keys = unit == Unit.KEY;
        return new CloudBenefitView(benefitId, packageId, kind, name, allocationId,
                languages == null ? List.of() : List.copyOf(languages),
                operatingSystems == null ? List.of() : List.copyOf(operatingSystems), keys ? quantity : 0,
                keys ? used : 0, keys ? quantity - used : 0, specialInstructions == null ? "" : specialInstructions,
                assignedUser, status, openedAt, activatedAt, expiresAt, year);
    }

    VisualStudioSeatView seat(MembershipYearView year) {
        return new VisualStudioSeatView(benefitId, packageId, name, status,
                assignedUser, assignedAt, openedAt, year);
    }

    TechnicalBenefitView technical(MembershipYearView year) {
        return new TechnicalBenefitView(benefitId, packageId, name, unit, quantity,
                used, quantity - used, status, assignedUser, alternativeEmail, pendingSince, activatedAt, openedAt, year);
    }
}
