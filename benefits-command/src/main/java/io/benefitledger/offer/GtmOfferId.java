package io.benefitledger.offer;

import io.benefitledger.Identifiers;
import io.benefitledger.partner.PartnerId;

/**
 * A partner's Go-To-Market offers. Distinct from the partner's own id because the event store keys streams by
 * identifier alone, whatever the aggregate type.
 */
public record GtmOfferId(String value) {

    public GtmOfferId {
        Identifiers.check("go-to-market id", value);
    }

    public static GtmOfferId of(PartnerId partner) {
        return new GtmOfferId("gtm:" + partner.value());
    }

    @Override
    public String toString() {
        return value;
    }
}
