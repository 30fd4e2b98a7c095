package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The assigned user was removed; a pending activation stopped. The subscription is available again. */
@Revision("1")
public record AssignmentRemoved(SubscriptionId subscriptionId, PartnerId partnerId, UserId formerAssignee,
                                UserId removedBy, Instant at) {
}
