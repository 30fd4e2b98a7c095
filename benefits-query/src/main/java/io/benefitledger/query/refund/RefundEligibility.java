package io.benefitledger.query.refund;

import io.benefitledger.pkg.refund.Evidence;
import io.benefitledger.pkg.refund.RefundFacts;
import io.benefitledger.pkg.refund.RefundPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Transient;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.benefitledger.query.Columns.instant;
import static io.benefitledger.query.Columns.text;

/**
 * The facts the refund rule needs for one package, kept so that the rule can be applied at query time for any
 * instant. {@code deadline}, {@code softwareActivated} and {@code cancelled} are kept as columns too, so that
 * reports can ask "which packages are still refundable" in SQL.
 * <p>
 * The queries read it as an entity; the projection reads and writes it with plain JDBC, a batch at a time
 * ({@link #read}, {@link #UPSERT}).
 */
@Entity
@IdClass(RefundEligibility.Key.class)
@Table(name = "refund_eligibility")
public class RefundEligibility {

    /** A row is its partner's: another partner may use the same id. */
    public record Key(String partnerId, String packageId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Embeddable
    public static class EvidenceColumns {
        private String eventId;
        private String eventType;
        private Instant at;
        private long sequenceNumber;

        protected EvidenceColumns() {
        }

        EvidenceColumns(Evidence evidence) {
            this.eventId = evidence.eventId();
            this.eventType = evidence.eventType();
            this.at = evidence.at();
            this.sequenceNumber = evidence.sequenceNumber();
        }

        Evidence evidence() {
            return new Evidence(eventId, eventType, at, sequenceNumber);
        }

        /** The evidence in the columns named {@code eventId}, {@code eventType}, {@code at}, {@code sequence}; null if none. */
        static EvidenceColumns read(ResultSet row, String eventId, String eventType, String at, String sequence)
                throws SQLException {
            if (row.getString(eventId) == null) {
                return null;
            }
            EvidenceColumns read = new EvidenceColumns();
            read.eventId = row.getString(eventId);
            read.eventType = row.getString(eventType);
            read.at = instant(row, at);
            read.sequenceNumber = row.getLong(sequence);
            return read;
        }

        /** Binds the evidence, or nulls, to four parameters from {@code first} on. */
        static void bind(PreparedStatement statement, int first, EvidenceColumns evidence) throws SQLException {
            boolean none = !recorded(evidence);
            text(statement, first, none ? null : evidence.eventId);
            text(statement, first + 1, none ? null : evidence.eventType);
            instant(statement, first + 2, none ? null : evidence.at);
            if (none) {
                statement.setNull(first + 3, Types.BIGINT);
            } else {
                statement.setLong(first + 3, evidence.sequenceNumber);
            }
        }
    }

    /** Writes a row the batch added or changed, whole: the columns in the order {@link #bind} gives them. */
    static final String UPSERT = """
            insert into refund_eligibility (partner_id, package_id, deadline, software_activated, cancelled,
                                            purchase_event_id, purchase_event_type, purchased_at, purchase_sequence,
                                            cancellation_event_id, cancellation_event_type, cancelled_at,
                                            cancellation_sequence, first_activation_event_id,
                                            first_activation_event_type, first_activated_at, first_activation_sequence,
                                            last_event_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (package_id, partner_id) do update
            set deadline = excluded.deadline, software_activated = excluded.software_activated,
                cancelled = excluded.cancelled, purchase_event_id = excluded.purchase_event_id,
                purchase_event_type = excluded.purchase_event_type, purchased_at = excluded.purchased_at,
                purchase_sequence = excluded.purchase_sequence, cancellation_event_id = excluded.cancellation_event_id,
                cancellation_event_type = excluded.cancellation_event_type, cancelled_at = excluded.cancelled_at,
                cancellation_sequence = excluded.cancellation_sequence,
                first_activation_event_id = excluded.first_activation_event_id,
                first_activation_event_type = excluded.first_activation_event_type,
                first_activated_at = excluded.first_activated_at,
                first_activation_sequence = excluded.first_activation_sequence,
                last_event_sequence = excluded.last_event_sequence""";

    @Id
    private String partnerId;
    @Id
    private String packageId;
    private Instant deadline;
    private boolean softwareActivated;
    private boolean cancelled;
    @Embedded
    @AttributeOverride(name = "eventId", column = @Column(name = "purchase_event_id"))
    @AttributeOverride(name = "eventType", column = @Column(name = "purchase_event_type"))
    @AttributeOverride(name = "at", column = @Column(name = "purchased_at"))
    @AttributeOverride(name = "sequenceNumber", column = @Column(name = "purchase_sequence"))
    private EvidenceColumns purchase;
    @Embedded
    @AttributeOverride(name = "eventId", column = @Column(name = "cancellation_event_id"))
    @AttributeOverride(name = "eventType", column = @Column(name = "cancellation_event_type"))
    @AttributeOverride(name = "at", column = @Column(name = "cancelled_at"))
    @AttributeOverride(name = "sequenceNumber", column = @Column(name = "cancellation_sequence"))
    private EvidenceColumns cancellation;
    @Embedded
    @AttributeOverride(name = "eventId", column = @Column(name = "first_activation_event_id"))
    @AttributeOverride(name = "eventType", column = @Column(name = "first_activation_event_type"))
    @AttributeOverride(name = "at", column = @Column(name = "first_activated_at"))
    @AttributeOverride(name = "sequenceNumber", column = @Column(name = "first_activation_sequence"))
    private EvidenceColumns firstActivation;
    private long lastEventSequence;
    /** The reveals kept beside the first that this batch recorded, written after the row (their foreign key). */
    @Transient
    private final List<RefundLaterActivation> newLaterActivations = new ArrayList<>();

    protected RefundEligibility() {
    }

    static RefundEligibility read(ResultSet row, int index) throws SQLException {
        RefundEligibility read = new RefundEligibility();
        read.partnerId = row.getString("partner_id");
        read.packageId = row.getString("package_id");
        read.deadline = instant(row, "deadline");
        read.softwareActivated = row.getBoolean("software_activated");
        read.cancelled = row.getBoolean("cancelled");
        read.purchase = EvidenceColumns.read(row, "purchase_event_id", "purchase_event_type", "purchased_at",
                "purchase_sequence");
        read.cancellation = EvidenceColumns.read(row, "cancellation_event_id", "cancellation_event_type",
                "cancelled_at", "cancellation_sequence");
        read.firstActivation = EvidenceColumns.read(row, "first_activation_event_id", "first_activation_event_type",
                "first_activated_at", "first_activation_sequence");
        read.lastEventSequence = row.getLong("last_event_sequence");
        return read;
    }

    void bind(PreparedStatement statement) throws SQLException {
        text(statement, 1, partnerId);
        text(statement, 2, packageId);
        instant(statement, 3, deadline);
        statement.setBoolean(4, softwareActivated);
        statement.setBoolean(5, cancelled);
        EvidenceColumns.bind(statement, 6, purchase);
        EvidenceColumns.bind(statement, 10, cancellation);
        EvidenceColumns.bind(statement, 14, firstActivation);
        statement.setLong(18, lastEventSequence);
    }

    RefundEligibility(String partnerId, String packageId, RefundFacts facts) {
        this.partnerId = partnerId;
        this.packageId = packageId;
        record(facts, facts.purchase().sequenceNumber());
    }

    /**
     * Keeps the facts {@link RefundFacts#fold} yielded for the event at {@code sequence}; the reveals it keeps beside
     * the first are {@link RefundLaterActivation} rows, written with this one. The facts are folded without the
     * reveals kept so far (see {@code RefundEligibilityProjection.fold}), so those it keeps beside the first are new.
     */
    void record(RefundFacts facts, long sequence) {
        facts.laterSoftwareActivations().forEach(reveal ->
                newLaterActivations.add(new RefundLaterActivation(partnerId, packageId, reveal)));
        purchase = new EvidenceColumns(facts.purchase());
        deadline = RefundPolicy.deadline(facts.purchase());
        firstActivation = facts.firstSoftwareActivation() == null ? null
                : new EvidenceColumns(facts.firstSoftwareActivation());
        softwareActivated = firstActivation != null;
        cancellation = facts.cancellation() == null ? null : new EvidenceColumns(facts.cancellation());
        cancelled = cancellation != null;
        lastEventSequence = sequence;
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    String packageId() {
        return packageId;
    }

    String partnerId() {
        return partnerId;
    }

    /** @param laterActivations the package's reveals kept beside the first, in order */
    RefundFacts facts(List<Evidence> laterActivations) {
        return new RefundFacts(purchase.evidence(), recorded(firstActivation) ? firstActivation.evidence() : null,
                laterActivations, recorded(cancellation) ? cancellation.evidence() : null);
    }

    /** Hibernate leaves an embedded value whose columns are all null as null, or as an empty instance. */
    private static boolean recorded(EvidenceColumns evidence) {
        return evidence != null && evidence.eventId != null;
    }

    Key key() {
        return new Key(partnerId, packageId);
    }

    List<RefundLaterActivation> newLaterActivations() {
        return newLaterActivations;
    }
}
