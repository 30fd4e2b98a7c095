package io.benefitledger.partner;

import io.benefitledger.BenefitRuleViolation;

/** A partner always keeps at least one Global admin: only they can assign benefits. */
public class LastGlobalAdmin extends BenefitRuleViolation {

    LastGlobalAdmin(UserId user) {
        super("user " + user + " is the partner's last Global admin; make another user Global admin first");
    }

    @Override
    public String code() {
        return "last-global-admin";
    }
}
