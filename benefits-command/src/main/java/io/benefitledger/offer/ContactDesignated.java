package io.benefitledger.offer;

import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The company marketing contact is now this user, reachable at these details. */
@Revision("1")
public record ContactDesignated(PartnerId partnerId, UserId contact, EmailAddress alternativeEmail, PhoneNumber phone, LanguageTag preferredLanguage, UserId designatedBy, Instant at) {
}
