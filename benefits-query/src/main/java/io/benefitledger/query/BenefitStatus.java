package io.benefitledger.query;

/** A benefit's status as the Benefits tabs show it. */
public enum BenefitStatus {
    AVAILABLE, PENDING, ACTIVE, EXPIRED, REVOKED, CANCELLED
}
