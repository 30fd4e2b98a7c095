package io.benefitledger.query.software;

import io.benefitledger.PersonalData;
import io.benefitledger.query.BenefitStatus;
import io.benefitledger.query.year.MembershipYearView;

import java.time.Instant;
import java.util.List;

/** A row of the Software tab as admins and reporting teams read it. */
public record SoftwareBenefitView(String packageId, String productId, String packageType, String productName,
                                  List<String> languages, List<String> operatingSystems,
                                  String specialInstructions, int keysAllocated, int keysRevealed,
                                  int keysRemaining, BenefitStatus status, Instant purchasedAt,
                                  Instant lastRevealedAt, @PersonalData String lastRevealedBy, Instant expiresAt,
                                  MembershipYearView membershipYear) {
}
