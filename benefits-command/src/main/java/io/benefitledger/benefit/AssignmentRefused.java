package io.benefitledger.benefit;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.partner.UserId;

/** An assignment, or its removal, broke one of the assignment rules. */
public class AssignmentRefused extends BenefitRuleViolation {

    private final String code;

    private AssignmentRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public static AssignmentRefused taken(SubscriptionId subscription, UserId assignee) {
        return new AssignmentRefused("seat-taken", "subscription " + subscription + " is assigned to " + assignee
                                                   + "; remove the assigned user first, then assign another");
    }

    public static AssignmentRefused notInDirectory(UserId user) {
        return new AssignmentRefused("user-not-in-directory", "user " + user + " is not in the partner's directory");
    }

    public static AssignmentRefused assignYourself(UserId assignee, UserId admin) {
        return new AssignmentRefused("assign-yourself", "a usage-based Azure subscription is activated by assigning "
                                                        + "yourself: " + admin + " cannot assign it to " + assignee);
    }

    public static AssignmentRefused alternativeEmailRequired() {
        return new AssignmentRefused("alternative-email-required",
                "a technical benefit needs an alternative e-mail address besides the company account e-mail");
    }

    public static AssignmentRefused alternativeEmailIsCompanyEmail() {
        return new AssignmentRefused("alternative-email-is-company-email",
                "the alternative e-mail address must differ from the company account e-mail");
    }

    public static AssignmentRefused notAssigned(SubscriptionId subscription) {
        return new AssignmentRefused("not-assigned", "subscription " + subscription + " has no assigned user");
    }

    @Override
    public String code() {
        return code;
    }
}
