package io.benefitledger.seat;

import io.benefitledger.DeadlinePassed;
import io.benefitledger.benefit.SubscriptionId;
import io.benefitledger.partner.PartnerId;
import io.benefitledger.partner.UserId;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The subscription expired with its package's membership year: its assignment ends ({@code formerAssignee} held it,
 * if anyone) and it can no longer be used.
 */
@Revision("1")
public record BenefitExpired(SubscriptionId subscriptionId, PartnerId partnerId, UserId formerAssignee, Instant at)
        implements DeadlinePassed {
}
