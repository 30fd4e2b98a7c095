package io.benefitledger.query.visualstudio;

import io.benefitledger.PersonalData;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.year.MembershipYearView;

import java.time.Instant;

/** A Visual Studio seat as the tab shows it. */
public record VisualStudioSeatView(String subscriptionId, String packageId, String name, BenefitStatus status,
                                   @PersonalData String assignedUser, Instant assignedAt, Instant openedAt,
                                   MembershipYearView membershipYear) {
}
