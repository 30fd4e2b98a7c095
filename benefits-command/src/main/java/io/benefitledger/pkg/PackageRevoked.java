package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

import java.time.Instant;

/** The package was cancelled with a refund: its benefits are revoked and nothing more can be done with it. */
public class PackageRevoked extends BenefitRuleViolation {

    PackageRevoked(PackageId packageId, Instant cancelledAt) {
        super("package " + packageId + " was cancelled with a refund at " + cancelledAt
              + "; its benefits are revoked and nothing more can be done with it");
    }

    @Override
    public String code() {
        return "package-revoked";
    }
}
