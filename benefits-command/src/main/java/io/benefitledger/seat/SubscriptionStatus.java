package io.benefitledger.seat;

/** Where a subscription stands. */
public enum SubscriptionStatus { AVAILABLE, PENDING, ACTIVE, REVOKED }
