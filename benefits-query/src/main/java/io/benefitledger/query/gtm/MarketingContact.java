package io.benefitledger.query.gtm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static io.benefitledger.query.Columns.instant;
import static io.benefitledger.query.Columns.text;

/**
 * The partner's company marketing contact, as last designated. The tab reads it as an entity; the projection reads
 * and writes it with plain JDBC, a batch at a time.
 */
@Entity
@Table(name = "gtm_contact")
public class MarketingContact {

    @Id
    private String partnerId;
    private String contactUser;
    private String alternativeEmail;
    private String phone;
    private String preferredLanguage;
    private String designatedBy;
    private Instant designatedAt;
    private long lastEventSequence;

    /** Writes a row the batch added or changed, whole: the columns in the order {@link #bind} gives them. */
    static final String UPSERT = """
            insert into gtm_contact (partner_id, contact_user, alternative_email, phone, preferred_language, designated_by,
                                     designated_at, last_event_sequence)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (partner_id) do update
            set contact_user = excluded.contact_user, alternative_email = excluded.alternative_email,
                phone = excluded.phone, preferred_language = excluded.preferred_language,
                designated_by = excluded.designated_by, designated_at = excluded.designated_at,
                last_event_sequence = excluded.last_event_sequence""";

    protected MarketingContact() {
    }

    static MarketingContact read(ResultSet row, int index) throws SQLException {
        MarketingContact read = new MarketingContact();
        read.partnerId = row.getString("partner_id");
        read.contactUser = row.getString("contact_user");
        read.alternativeEmail = row.getString("alternative_email");
        read.phone = row.getString("phone");
        read.preferredLanguage = row.getString("preferred_language");
        read.designatedBy = row.getString("designated_by");
        read.designatedAt = instant(row, "designated_at");
        read.lastEventSequence = row.getLong("last_event_sequence");
        return read;
    }

    void bind(PreparedStatement statement) throws SQLException {
        text(statement, 1, partnerId);
        text(statement, 2, contactUser);
        text(statement, 3, alternativeEmail);
        text(statement, 4, phone);
        text(statement, 5, preferredLanguage);
        text(statement, 6, designatedBy);
        instant(statement, 7, designatedAt);
        statement.setLong(8, lastEventSequence);
    }

    String partnerId() {
        return partnerId;
    }

    MarketingContact(String partnerId, String contactUser, String alternativeEmail, String phone,
                     String preferredLanguage, String designatedBy, Instant at, long sequence) {
        this.partnerId = partnerId;
        designated(contactUser, alternativeEmail, phone, preferredLanguage, designatedBy, at, sequence);
    }

    void designated(String contactUser, String alternativeEmail, String phone, String preferredLanguage,
                    String designatedBy, Instant at, long sequence) {
        this.contactUser = contactUser;
        this.alternativeEmail = alternativeEmail;
        this.phone = phone;
        this.preferredLanguage = preferredLanguage;
        this.designatedBy = designatedBy;
        this.designatedAt = at;
        this.lastEventSequence = sequence;
    }

    boolean hasSeen(long sequence) {
        return sequence <= lastEventSequence;
    }

    GoToMarketTab.Contact view() {
        return new GoToMarketTab.Contact(contactUser, alternativeEmail, phone, preferredLanguage, designatedBy, designatedAt);
    }
}
