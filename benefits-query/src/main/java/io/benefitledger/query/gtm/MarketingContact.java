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
    private long lastEventPosition;

    protected MarketingContact() {
    }

    MarketingContact(String partnerId, String contactUser, String alternativeEmail, String phone,
                     String preferredLanguage, String designatedBy, Instant at, long position) {
        this.partnerId = partnerId;
        designated(contactUser, alternativeEmail, phone, preferredLanguage, designatedBy, at, position);
    }

    void designated(String contactUser, String alternativeEmail, String phone, String preferredLanguage,
                    String designatedBy, Instant at, long position) {
        this.contactUser = contactUser;
        this.alternativeEmail = alternativeEmail;
        this.phone = phone;
        this.preferredLanguage = preferredLanguage;
        this.designatedBy = designatedBy;
        this.designatedAt = at;
        this.lastEventPosition = position;
    }

    boolean hasSeen(long position) {
        return position <= lastEventPosition;
    }

    GoToMarketTab.Contact view() {
        return new GoToMarketTab.Contact(contactUser, alternativeEmail, phone, preferredLanguage, designatedBy, designatedAt);
    }
}
