package io.benefitledger.seat;

import io.benefitledger.benefit.SubscriptionStatus;
import io.benefitledger.benefit.SubscriptionId;

import io.benefitledger.BenefitRuleViolation;

/** Fulfilment can only confirm a technical benefit whose activation is pending. */
public class NotPending extends BenefitRuleViolation {

    NotPending(SubscriptionId subscription, SubscriptionStatus status) {
        super("subscription " + subscription + " is " + status + ", not pending activation");
    }

    @Override
    public String code() {
        return "not-pending";
    }
}
