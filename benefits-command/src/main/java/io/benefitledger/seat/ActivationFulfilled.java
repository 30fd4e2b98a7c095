package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.PartnerId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A technical benefit's activation was fulfilled: it is active. */
@Revision("1")
public record ActivationFulfilled(SubscriptionId subscriptionId, PartnerId partnerId, String fulfilmentReference,
                                  Instant at) {
}
