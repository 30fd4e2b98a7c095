package io.benefitledger.seat;

import io.benefitledger.benefit.Phase;
import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** Incidents or hours were drawn; {@code remaining} is what is left after the draw. */
@Revision("1")
public record BenefitDrawn(SubscriptionId subscriptionId, PartnerId partnerId, Phase phase, String description,
                           int amount, int remaining, UserId requestedBy, Instant at) {
}
