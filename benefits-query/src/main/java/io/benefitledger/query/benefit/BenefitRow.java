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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static io.benefitledger.query.Columns.enumOf;
import static io.benefitledger.query.Columns.instant;
import static io.benefitledger.query.Columns.text;
import static io.benefitledger.query.Columns.texts;

/**
 * One benefit of a package as the Benefits tabs show it, whatever its kind: a licensed product (keys), or a
 * subscription (a seat, a usage-based subscription, a technical benefit). The tab is its kind's. License keys
 * themselves are never kept here.
 * <p>
 * The tabs read it as an entity; the projection reads and writes it with plain JDBC ({@link #read}, {@link #UPSERT}),
 * a batch at a time, so that a rebuild never has Hibernate dirty-check or flush thousands of rows.
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

    /** Writes a row the batch added or changed, whole: the columns in the order {@link #bind} gives them. */
    static final String UPSERT = """
            insert into benefit (partner_id, benefit_id, package_id, allocation_id, kind, tab, package_type, name, unit,
                                 quantity, used, languages, operating_systems, special_instructions, status, assigned_user,
                                 alternative_email, assigned_at, pending_since, activated_at, last_revealed_at,
                                 last_revealed_by, opened_at, expires_at, last_event_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (partner_id, benefit_id) do update
            set package_id = excluded.package_id, allocation_id = excluded.allocation_id, kind = excluded.kind,
                tab = excluded.tab, package_type = excluded.package_type, name = excluded.name, unit = excluded.unit,
                quantity = excluded.quantity, used = excluded.used, languages = excluded.languages,
                operating_systems = excluded.operating_systems, special_instructions = excluded.special_instructions,
                status = excluded.status, assigned_user = excluded.assigned_user,
                alternative_email = excluded.alternative_email, assigned_at = excluded.assigned_at,
                pending_since = excluded.pending_since, activated_at = excluded.activated_at,
                last_revealed_at = excluded.last_revealed_at, last_revealed_by = excluded.last_revealed_by,
                opened_at = excluded.opened_at, expires_at = excluded.expires_at,
                last_event_sequence = excluded.last_event_sequence""";

    protected BenefitRow() {
    }

    static BenefitRow read(ResultSet row, int index) throws SQLException {
        BenefitRow read = new BenefitRow();
        read.partnerId = row.getString("partner_id");
        read.benefitId = row.getString("benefit_id");
        read.packageId = row.getString("package_id");
        read.allocationId = row.getString("allocation_id");
        read.kind = enumOf(BenefitKind.class, row, "kind");
        read.tab = enumOf(BenefitKind.Tab.class, row, "tab");
        read.packageType = row.getString("package_type");
        read.name = row.getString("name");
        read.unit = enumOf(Unit.class, row, "unit");
        read.quantity = row.getInt("quantity");
        read.used = row.getInt("used");
        read.languages = texts(row, "languages");
        read.operatingSystems = texts(row, "operating_systems");
        read.specialInstructions = row.getString("special_instructions");
        read.status = enumOf(BenefitStatus.class, row, "status");
        read.assignedUser = row.getString("assigned_user");
        read.alternativeEmail = row.getString("alternative_email");
        read.assignedAt = instant(row, "assigned_at");
        read.pendingSince = instant(row, "pending_since");
        read.activatedAt = instant(row, "activated_at");
        read.lastRevealedAt = instant(row, "last_revealed_at");
        read.lastRevealedBy = row.getString("last_revealed_by");
        read.openedAt = instant(row, "opened_at");
        read.expiresAt = instant(row, "expires_at");
        read.lastEventSequence = row.getLong("last_event_sequence");
        return read;
    }

    void bind(PreparedStatement statement) throws SQLException {
        text(statement, 1, partnerId);
        text(statement, 2, benefitId);
        text(statement, 3, packageId);
        text(statement, 4, allocationId);
        text(statement, 5, kind);
        text(statement, 6, tab);
        text(statement, 7, packageType);
        text(statement, 8, name);
        text(statement, 9, unit);
        statement.setInt(10, quantity);
        statement.setInt(11, used);
        texts(statement, 12, languages);
        texts(statement, 13, operatingSystems);
        text(statement, 14, specialInstructions);
        text(statement, 15, status);
        text(statement, 16, assignedUser);
        text(statement, 17, alternativeEmail);
        instant(statement, 18, assignedAt);
        instant(statement, 19, pendingSince);
        instant(statement, 20, activatedAt);
        instant(statement, 21, lastRevealedAt);
        text(statement, 22, lastRevealedBy);
        instant(statement, 23, openedAt);
        instant(statement, 24, expiresAt);
        statement.setLong(25, lastEventSequence);
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
