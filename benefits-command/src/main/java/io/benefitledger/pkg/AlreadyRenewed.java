package io.benefitledger.pkg;

import io.benefitledger.BenefitRuleViolation;

/** Two purchases renewed the same year at once; the other was recorded first. Nothing was recorded. */
public class AlreadyRenewed extends BenefitRuleViolation {

    AlreadyRenewed(PackageId packageId, PackageId renewedBy) {
        super("the membership year of package " + packageId + " was renewed by package " + renewedBy
              + " a moment ago; purchase again to start a year of its own");
    }

    @Override
    public String code() {
        return "membership-already-renewed";
    }
}
