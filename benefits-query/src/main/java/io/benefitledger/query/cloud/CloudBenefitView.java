package io.benefitledger.query.cloud;

import io.benefitledger.PersonalData;
import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.year.MembershipYearView;

import java.time.Instant;
import java.util.List;

/**
 * A Cloud tab row; the product, its languages, operating systems and key counts are for license-based subscriptions
 * (Get keys), the assigned user for usage-based ones.
 */
public record CloudBenefitView(String benefitId, String packageId, BenefitKind kind, String name, String productId,
                               List<String> languages, List<String> operatingSystems,
                               int keysAllocated, int keysRevealed, int keysRemaining, String specialInstructions,
                               @PersonalData String assignedUser, BenefitStatus status, Instant openedAt, Instant activatedAt, Instant expiresAt,
                               MembershipYearView membershipYear) {
}
