package io.benefitledger.partner;

import io.benefitledger.BenefitRuleViolation;

/** A user can be in a partner's directory once. */
public class UserAlreadyInDirectory extends BenefitRuleViolation {

    UserAlreadyInDirectory(UserId user) {
        super("user " + user + " is already in the directory; change their roles instead");
    }

    @Override
    public String code() {
        return "user-already-in-directory";
    }
}
