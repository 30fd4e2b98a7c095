package io.benefitledger.query.cloud;

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

/**
 * A row of the Cloud tab: a license-based subscription, activated by revealing its keys, or a usage-based Azure
 * subscription, activated by the admin who assigns it to themself.
 */
@Entity
@IdClass(CloudBenefit.Key.class)
@Table(name = "cloud_benefit")
public class CloudBenefit {

    /** A row is its partner's: another partner may use the same id. */
    public record Key(String partnerId, String benefitId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    public enum Kind { LICENSE_BASED, USAGE_BASED }

    @Id
    private String partnerId;
    @Id
    private String benefitId;
    private String packageId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String name;
    private int keysAllocated;
    private int keysRevealed;
    private String specialInstructions;
    private String assignedUser;
    @Enumerated(EnumType.STRING)
    private BenefitStatus status;
    private Instant openedAt;
    private Instant activatedAt;
    private long lastEventSequence;

    protected CloudBenefit() {
    }

    private CloudBenefit(String benefitId, String partnerId, String packageId, Kind kind, String name, int keysAllocated,
                         String specialInstructions, Instant openedAt, long sequence) {
        this.benefitId = benefitId;
        this.partnerId = partnerId;
        this.packageId = packageId;
        this.kind = kind;
        this.name = name;
        this.keysAllocated = keysAllocated;
        this.specialInstructions = specialInstructions;
        this.status = BenefitStatus.AVAILABLE;
        this.openedAt = openedAt;
        this.lastEventSequence = sequence;
    }

    static String licenseId(String packageId, String productId) {
        return packageId + "/" + productId;
    }

    static CloudBenefit licenseBased(String packageId, String productId, String partnerId, String name, int keys,
                                     String specialInstructions, Instant openedAt, long sequence) {
        return new CloudBenefit(licenseId(packageId, productId), partnerId, packageId, Kind.LICENSE_BASED, name, keys,
                specialInstructions, openedAt, sequence);
    }

    static CloudBenefit usageBased(String subscriptionId, String partnerId, String packageId, String name,
                                   Instant openedAt, long sequence) {
        return new CloudBenefit(subscriptionId, partnerId, packageId, Kind.USAGE_BASED, name, 0, "", openedAt, sequence);
    }

    void keysRevealed(int count, Instant at, long sequence) {
        keysRevealed += count;
        activated(at, sequence);
    }

    void assigned(String user, Instant at, long sequence) {
        assignedUser = user;
        activated(at, sequence);
    }

    void freed(BenefitStatus newStatus, long sequence) {
        assignedUser = null;
        status = newStatus;
        lastEventSequence = sequence;
    }

    /** Whether this is one of the license-based subscriptions a package holds (not a usage-based one it opened). */
    boolean isLicenseOf(String partnerId, String packageId) {
        return kind == Kind.LICENSE_BASED && this.partnerId.equals(partnerId) && this.packageId.equals(packageId);
    }

    Allocation allocation() {
        if (status == BenefitStatus.REVOKED) {
            return null;
        }
        return kind == Kind.LICENSE_BASED
                ? new Allocation(partnerId, "CLOUD", name, "keys", keysAllocated, keysRevealed)
                : new Allocation(partnerId, "CLOUD", name, "subscriptions", 1, assignedUser == null ? 0 : 1);
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    private void activated(Instant at, long sequence) {
        status = BenefitStatus.ACTIVE;
        if (activatedAt == null) {
            activatedAt = at;
        }
        lastEventSequence = sequence;
    }

    CloudBenefitView view() {
        return new CloudBenefitView(benefitId, packageId, kind, name, keysAllocated, keysRevealed,
                keysAllocated - keysRevealed, specialInstructions, assignedUser, status, openedAt, activatedAt);
    }

    Key key() {
        return new Key(partnerId, benefitId);
    }
}
