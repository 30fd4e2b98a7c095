package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

import java.time.Instant;

/** The package's membership year ended and was not renewed: its benefits expired and can no longer be used. */
public class PackageExpired extends BenefitRuleViolation {

    PackageExpired(PackageId packageId, Instant expiredAt) {
        super("the benefits of package " + packageId + " expired at " + expiredAt
              + ", when its membership year ended without renewal; a fresh purchase starts a new year");
    }

    @Override
    public String code() {
        return "package-expired";
    }
}
