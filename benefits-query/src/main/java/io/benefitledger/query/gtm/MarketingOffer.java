package io.benefitledger.query.gtm;

import io.benefitledger.query.BenefitStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static io.benefitledger.query.Columns.enumOf;
import static io.benefitledger.query.Columns.instant;
import static io.benefitledger.query.Columns.text;

/**
 * A Go-To-Market offer of the partner, as recorded: expired once its expiry was recorded ({@code OfferExpired}). The
 * tab reads it as an entity; the projection reads and writes it with plain JDBC, a batch at a time.
 */
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

    /** Writes a row the batch added or changed, whole: the columns in the order {@link #bind} gives them. */
    static final String UPSERT = """
            insert into gtm_offer (partner_id, offer_id, package_id, name, status, granted_at, requested_at, activated_at,
                                   expires_at, last_used_at, last_event_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (partner_id, offer_id) do update
            set package_id = excluded.package_id, name = excluded.name, status = excluded.status,
                granted_at = excluded.granted_at, requested_at = excluded.requested_at,
                activated_at = excluded.activated_at, expires_at = excluded.expires_at,
                last_used_at = excluded.last_used_at, last_event_sequence = excluded.last_event_sequence""";

    protected MarketingOffer() {
    }

    static MarketingOffer read(ResultSet row, int index) throws SQLException {
        MarketingOffer read = new MarketingOffer();
        read.partnerId = row.getString("partner_id");
        read.offerId = row.getString("offer_id");
        read.packageId = row.getString("package_id");
        read.name = row.getString("name");
        read.status = enumOf(BenefitStatus.class, row, "status");
        read.grantedAt = instant(row, "granted_at");
        read.requestedAt = instant(row, "requested_at");
        read.activatedAt = instant(row, "activated_at");
        read.expiresAt = instant(row, "expires_at");
        read.lastUsedAt = instant(row, "last_used_at");
        read.lastEventSequence = row.getLong("last_event_sequence");
        return read;
    }

    void bind(PreparedStatement statement) throws SQLException {
        text(statement, 1, partnerId);
        text(statement, 2, offerId);
        text(statement, 3, packageId);
        text(statement, 4, name);
        text(statement, 5, status);
        instant(statement, 6, grantedAt);
        instant(statement, 7, requestedAt);
        instant(statement, 8, activatedAt);
        instant(statement, 9, expiresAt);
        instant(statement, 10, lastUsedAt);
        statement.setLong(11, lastEventSequence);
    }

    Key key() {
        return new Key(partnerId, offerId);
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
