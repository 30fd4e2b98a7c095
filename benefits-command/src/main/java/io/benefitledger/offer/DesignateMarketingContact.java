package io.benefitledger.offer;

import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Objects;

/** A Global admin or MPN partner admin designates, updates or changes the company marketing contact. */
public record DesignateMarketingContact(PartnerId partnerId, UserId contact, EmailAddress alternativeEmail, PhoneNumber phone, LanguageTag preferredLanguage, UserId designatedBy, Instant at) {

    public DesignateMarketingContact {
        Objects.requireNonNull(partnerId, "partner id is required");
        Objects.requireNonNull(contact, "the contact user is required");
        Objects.requireNonNull(alternativeEmail, "an alternative e-mail is required");
        Objects.requireNonNull(phone, "a contact phone is required");
        Objects.requireNonNull(preferredLanguage, "a preferred language is required");
        Objects.requireNonNull(designatedBy, "the acting user is required");
        Objects.requireNonNull(at, "the instant is required");
    }

    @TargetAggregateIdentifier
    public AggregateId goToMarket() {
        return GtmOffer.idOf(partnerId);
    }
}
