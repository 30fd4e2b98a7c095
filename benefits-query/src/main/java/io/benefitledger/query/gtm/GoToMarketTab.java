package io.benefitledger.query.gtm;

import io.benefitledger.PersonalData;
import io.benefitledger.query.BenefitStatus;

import java.time.Instant;
import java.util.List;

/** A partner's Go-To-Market tab: its marketing contact, if designated, and its offers with their status. */
public record GoToMarketTab(Contact marketingContact, List<Offer> offers) {

    public record Contact(@PersonalData String user, @PersonalData String alternativeEmail, @PersonalData String phone,
                          String preferredLanguage, @PersonalData String designatedBy, Instant designatedAt) {
    }

    public record Offer(String offerId, String name, String packageId, BenefitStatus status, Instant grantedAt,
                        Instant requestedAt, Instant activatedAt, Instant expiresAt, Instant lastUsedAt) {
    }

    public GoToMarketTab {
        offers = List.copyOf(offers);
    }
}
