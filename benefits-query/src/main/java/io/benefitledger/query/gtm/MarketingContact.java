package io.benefitledger.query.gtm;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The partner's company marketing contact, as last designated. */
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

    protected MarketingContact() {
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
