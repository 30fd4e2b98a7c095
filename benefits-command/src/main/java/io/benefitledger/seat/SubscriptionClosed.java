package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.BenefitRuleViolation;

import java.time.Instant;

/** The subscription was revoked when its package was refunded; nothing more can be done with it. */
public class SubscriptionClosed extends BenefitRuleViolation {

    SubscriptionClosed(SubscriptionId subscription, Instant revokedAt) {
        super("subscription " + subscription + " was revoked at " + revokedAt
              + " when its package was cancelled with a refund; nothing more can be done with it");
    }

    @Override
    public String code() {
        return "subscription-revoked";
    }
}
