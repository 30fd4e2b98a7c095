package io.benefitledger.offer;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.benefit.OfferId;

import java.time.Instant;
import java.util.List;

/** An offer cannot be activated or used as asked. Nothing was recorded. */
public class OfferRefused extends BenefitRuleViolation {

    private final String code;

    private OfferRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    static OfferRefused noMarketingContact() {
        return new OfferRefused("no-marketing-contact",
                "the partner has no company marketing contact; designate one before activating an offer");
    }

    static OfferRefused languageNotSupported(LanguageTag preferred, List<LanguageTag> supported) {
        return new OfferRefused("language-not-supported", "the program does not communicate in '" + preferred
                                                          + "'; a preferred language is one of " + supported);
    }

    static OfferRefused pending(OfferId offer) {
        return new OfferRefused("offer-pending", "offer " + offer + " is already pending activation");
    }

    static OfferRefused active(OfferId offer, Instant expiresAt) {
        return new OfferRefused("offer-active", "offer " + offer + " is already active until " + expiresAt);
    }

    static OfferRefused expired(OfferId offer, Instant expiredAt) {
        return new OfferRefused("offer-expired", "offer " + offer + " expired at " + expiredAt + " and can no longer be used");
    }

    static OfferRefused withdrawn(OfferId offer) {
        return new OfferRefused("offer-withdrawn", "offer " + offer + " was withdrawn when its package was refunded");
    }

    static OfferRefused notActive(OfferId offer, OfferStatus status) {
        return new OfferRefused("offer-not-active", "offer " + offer + " is " + status + "; only an active offer can be used");
    }

    static OfferRefused notPending(OfferId offer, OfferStatus status) {
        return new OfferRefused("offer-not-pending", "offer " + offer + " is " + status + ", not pending activation");
    }

    static OfferRefused contactNotInDirectory() {
        return new OfferRefused("user-not-in-directory", "the marketing contact must be a user of the partner's directory");
    }

    static OfferRefused alternativeEmailIsCompanyEmail() {
        return new OfferRefused("alternative-email-is-company-email",
                "the marketing contact's alternative e-mail address must differ from the company account e-mail");
    }

    @Override
    public String code() {
        return code;
    }
}
