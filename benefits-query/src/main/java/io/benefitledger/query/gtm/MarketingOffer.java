package io.benefitledger.query.gtm;

import io.benefitledger.query.BenefitStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A Go-To-Market offer of the partner, as recorded: expired once its expiry was recorded ({@code OfferExpired}). */
@Entity
@Table(name = "gtm_offer")
@IdClass(MarketingOffer.Key.class)
public class MarketingOffer {

    public record Key(String partnerId, String offerId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    private String partnerId;
    @Id
    private String offerId;
    private String packageId;
    private String name;
    @Enumerated(EnumType.STRING)
    private BenefitStatus status;
    private Instant grantedAt;
    private Instant requestedAt;
    private Instant activatedAt;
    private Instant expiresAt;
    private Instant lastUsedAt;
    private long lastEventSequence;

    protected MarketingOffer() {
    }

    MarketingOffer(String partnerId, String offerId, String packageId, String name, Instant at, long sequence) {
        this.partnerId = partnerId;
        this.offerId = offerId;
        granted(packageId, name, at, sequence);
    }

    void granted(String packageId, String name, Instant at, long sequence) {
        this.packageId = packageId;
        this.name = name;
        this.status = BenefitStatus.AVAILABLE;
        this.grantedAt = at;
        this.requestedAt = null;
        this.activatedAt = null;
        this.expiresAt = null;
        this.lastEventSequence = sequence;
    }

    void requested(Instant at, long sequence) {
        status = BenefitStatus.PENDING;
        requestedAt = at;
        lastEventSequence = sequence;
    }

    void activated(Instant at, Instant expiresAt, long sequence) {
        status = BenefitStatus.ACTIVE;
        activatedAt = at;
        this.expiresAt = expiresAt;
        lastEventSequence = sequence;
    }

    void used(Instant at, long sequence) {
        lastUsedAt = at;
        lastEventSequence = sequence;
    }

    void expired(long sequence) {
        status = BenefitStatus.EXPIRED;
        lastEventSequence = sequence;
    }

    void withdrawn(long sequence) {
        status = BenefitStatus.REVOKED;
        lastEventSequence = sequence;
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    GoToMarketTab.Offer view() {
        return new GoToMarketTab.Offer(offerId, name, packageId, status, grantedAt, requestedAt, activatedAt, expiresAt,
                lastUsedAt);
    }
}
