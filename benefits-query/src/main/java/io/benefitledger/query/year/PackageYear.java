package io.benefitledger.query.year;

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
 * A package's membership year as recorded: its dates and where it stands. The tabs read it as an entity; the
 * projection reads and writes it with plain JDBC, a batch at a time ({@link #read}, {@link #UPSERT}).
 */
@Entity
@Table(name = "package_year")
@IdClass(PackageYear.Key.class)
public class PackageYear {

    public record Key(String partnerId, String packageId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    /** Where a year stands, each set by a recorded event. */
    public enum Status { RUNNING, RENEWAL_OPEN, IN_GRACE, RENEWED, EXPIRED, REVOKED }

    @Id
    private String partnerId;
    @Id
    private String packageId;
    private String offering;
    private Instant yearStart;
    private Instant renewalWindowOpens;
    private Instant anniversary;
    private Instant graceEnds;
    private String renewalOf;
    private String renewedBy;
    @Enumerated(EnumType.STRING)
    private Status status;
    private long lastEventSequence;

    /** Writes a row the batch added or changed, whole: the columns in the order {@link #bind} gives them. */
    static final String UPSERT = """
            insert into package_year (partner_id, package_id, offering, year_start, renewal_window_opens, anniversary,
                                      grace_ends, renewal_of, renewed_by, status, last_event_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (partner_id, package_id) do update
            set offering = excluded.offering, year_start = excluded.year_start,
                renewal_window_opens = excluded.renewal_window_opens, anniversary = excluded.anniversary,
                grace_ends = excluded.grace_ends, renewal_of = excluded.renewal_of, renewed_by = excluded.renewed_by,
                status = excluded.status, last_event_sequence = excluded.last_event_sequence""";

    protected PackageYear() {
    }

    static PackageYear read(ResultSet row, int index) throws SQLException {
        PackageYear read = new PackageYear();
        read.partnerId = row.getString("partner_id");
        read.packageId = row.getString("package_id");
        read.offering = row.getString("offering");
        read.yearStart = instant(row, "year_start");
        read.renewalWindowOpens = instant(row, "renewal_window_opens");
        read.anniversary = instant(row, "anniversary");
        read.graceEnds = instant(row, "grace_ends");
        read.renewalOf = row.getString("renewal_of");
        read.renewedBy = row.getString("renewed_by");
        read.status = enumOf(Status.class, row, "status");
        read.lastEventSequence = row.getLong("last_event_sequence");
        return read;
    }

    void bind(PreparedStatement statement) throws SQLException {
        text(statement, 1, partnerId);
        text(statement, 2, packageId);
        text(statement, 3, offering);
        instant(statement, 4, yearStart);
        instant(statement, 5, renewalWindowOpens);
        instant(statement, 6, anniversary);
        instant(statement, 7, graceEnds);
        text(statement, 8, renewalOf);
        text(statement, 9, renewedBy);
        text(statement, 10, status);
        statement.setLong(11, lastEventSequence);
    }

    Key key() {
        return new Key(partnerId, packageId);
    }

    PackageYear(String partnerId, String packageId, String offering, Instant yearStart, Instant renewalWindowOpens,
                Instant anniversary, Instant graceEnds, String renewalOf, long sequence) {
        this.partnerId = partnerId;
        this.packageId = packageId;
        this.offering = offering;
        this.yearStart = yearStart;
        this.renewalWindowOpens = renewalWindowOpens;
        this.anniversary = anniversary;
        this.graceEnds = graceEnds;
        this.renewalOf = renewalOf;
        this.status = Status.RUNNING;
        this.lastEventSequence = sequence;
    }

    void renewed(String by, long sequence) {
        renewedBy = by;
        moved(Status.RENEWED, sequence);
    }

    /** A renewed year stays renewed whatever milestone passes after. */
    void passed(Status next, long sequence) {
        moved(status == Status.RENEWED ? Status.RENEWED : next, sequence);
    }

    void moved(Status next, long sequence) {
        status = next;
        lastEventSequence = sequence;
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    String packageId() {
        return packageId;
    }

    MembershipYearView view() {
        return new MembershipYearView(yearStart, renewalWindowOpens, anniversary, graceEnds, status);
    }
}
