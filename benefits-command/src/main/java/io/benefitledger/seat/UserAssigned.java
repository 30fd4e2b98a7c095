package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionStatus;
import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.partner.EmailAddress;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A user was assigned. {@code status} is ACTIVE for seats and usage-based subscriptions, PENDING for a technical
 * benefit until fulfilment confirms it.
 */
@Revision("1")
public record UserAssigned(SubscriptionId subscriptionId, PartnerId partnerId, UserId assignee,
                           EmailAddress alternativeEmail, SubscriptionStatus status, UserId assignedBy, Instant at) {
}
