package io.benefitledger.offer;

import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The partner's Go-To-Market offers were opened; there are none, and no marketing contact, yet. */
@Revision("1")
public record GoToMarketOpened(PartnerId partnerId, Instant at) {
}
