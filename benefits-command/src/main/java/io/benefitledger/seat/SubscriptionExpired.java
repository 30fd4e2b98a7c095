package io.benefitledger.seat;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.benefit.SubscriptionId;

import java.time.Instant;

/** The subscription expired with its package's membership year; nothing more can be done with it. */
public class SubscriptionExpired extends BenefitRuleViolation {

    SubscriptionExpired(SubscriptionId subscription, Instant expiredAt) {
        super("subscription " + subscription + " expired at " + expiredAt
              + ", when its package's membership year ended without renewal; nothing more can be done with it");
    }

    @Override
    public String code() {
        return "subscription-expired";
    }
}
