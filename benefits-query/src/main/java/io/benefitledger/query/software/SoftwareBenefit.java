package io.benefitledger.query.software;

import io.benefitledger.query.reports.Allocation;
import io.benefitledger.query.BenefitStatus;
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

/** A row of the Software tab: one licensed product of one package. License keys themselves are never kept here. */
@Entity
@Table(name = "software_benefit")
@IdClass(SoftwareBenefit.Key.class)
public class SoftwareBenefit {

    public record Key(String partnerId, String packageId, String productId) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    private String partnerId;
    @Id
    private String packageId;
    @Id
    private String productId;
    private String packageType;
    private String productName;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> languages;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> operatingSystems;
    private String specialInstructions;
    private int keysAllocated;
    private int keysRevealed;
    @Enumerated(EnumType.STRING)
    private BenefitStatus status;
    private Instant purchasedAt;
    private Instant lastRevealedAt;
    private String lastRevealedBy;
    private long lastEventSequence;

    protected SoftwareBenefit() {
    }

    SoftwareBenefit(String packageId, String productId, String partnerId, String packageType, String productName,
                    List<String> languages, List<String> operatingSystems, String specialInstructions,
                    int keysAllocated, Instant purchasedAt, long sequence) {
        this.packageId = packageId;
        this.productId = productId;
        this.partnerId = partnerId;
        this.packageType = packageType;
        this.productName = productName;
        this.languages = languages;
        this.operatingSystems = operatingSystems;
        this.specialInstructions = specialInstructions;
        this.keysAllocated = keysAllocated;
        this.status = BenefitStatus.AVAILABLE;
        this.purchasedAt = purchasedAt;
        this.lastEventSequence = sequence;
    }

    Key key() {
        return new Key(partnerId, packageId, productId);
    }

    boolean isOf(String partner, String pkg) {
        return partnerId.equals(partner) && packageId.equals(pkg);
    }

    void keysRevealed(int count, String by, Instant at, long sequence) {
        keysRevealed += count;
        status = BenefitStatus.ACTIVE;
        lastRevealedAt = at;
        lastRevealedBy = by;
        lastEventSequence = sequence;
    }

    void revoked(long sequence) {
        status = BenefitStatus.REVOKED;
        lastEventSequence = sequence;
    }

    Allocation allocation() {
        return status == BenefitStatus.REVOKED ? null
                : new Allocation(partnerId, "SOFTWARE", productName, "keys", keysAllocated, keysRevealed);
    }

    /** Whether the event with {@code sequence} in its aggregate is already reflected; a redelivered event changes nothing. */
    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    SoftwareBenefitView view() {
        return new SoftwareBenefitView(packageId, productId, packageType, productName, List.copyOf(languages),
                List.copyOf(operatingSystems), specialInstructions, keysAllocated, keysRevealed,
                keysAllocated - keysRevealed, status, purchasedAt, lastRevealedAt, lastRevealedBy);
    }
}
