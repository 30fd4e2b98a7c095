package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The subscription was revoked; {@code formerAssignee} is who held it, if anyone. */
@Revision("1")
public record SubscriptionRevoked(SubscriptionId subscriptionId, PartnerId partnerId, UserId formerAssignee,
                                  String reason, Instant at) {
}
