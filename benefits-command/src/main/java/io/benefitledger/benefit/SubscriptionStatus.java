package io.benefitledger.benefit;

/** Where a subscription stands. */
public enum SubscriptionStatus { AVAILABLE, PENDING, ACTIVE, REVOKED, EXPIRED }
