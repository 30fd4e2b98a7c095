package io.benefitledger.catalogue;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.pkg.OfferingId;

/** A purchase pinned a version of the offering that is not its current one. */
public class StaleOfferingVersion extends BenefitRuleViolation {

    StaleOfferingVersion(OfferingId offering, int pinned, int current) {
        super("version " + pinned + " of offering " + offering + " is not on sale; its current version is " + current
              + ": read it and buy that version, or leave the version out");
    }

    @Override
    public String code() {
        return "stale-offering-version";
    }
}
