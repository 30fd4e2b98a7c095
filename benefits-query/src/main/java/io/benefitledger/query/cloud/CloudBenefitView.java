package io.benefitledger.query.cloud;

import io.benefitledger.PersonalData;
import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.year.MembershipYearView;

import java.time.Instant;

/** A Cloud tab row; key counts are for license-based subscriptions, the assigned user for usage-based ones. */
public record CloudBenefitView(String benefitId, String packageId, BenefitKind kind, String name,
                               int keysAllocated, int keysRevealed, int keysRemaining, String specialInstructions,
                               @PersonalData String assignedUser, BenefitStatus status, Instant openedAt, Instant activatedAt, Instant expiresAt,
                               MembershipYearView membershipYear) {
}
