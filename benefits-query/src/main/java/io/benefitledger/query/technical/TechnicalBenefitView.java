package io.benefitledger.query.technical;

import io.benefitledger.PersonalData;
import io.benefitledger.benefit.Unit;
import io.benefitledger.pkg.TechnicalAllocation;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.year.MembershipYearView;

import java.time.Instant;

/** A technical benefit as the tab shows it; {@code pendingSince} says how long its activation has waited. */
public record TechnicalBenefitView(String subscriptionId, String packageId, String name, Unit unit,
                                   int quantity, int drawn, int remaining, BenefitStatus status, @PersonalData String assignedUser,
                                   @PersonalData String alternativeEmail, Instant pendingSince, Instant activatedAt, Instant openedAt,
                                   MembershipYearView membershipYear) {
}
