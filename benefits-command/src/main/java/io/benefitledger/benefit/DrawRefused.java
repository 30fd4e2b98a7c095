package io.benefitledger.benefit;

import io.benefitledger.BenefitRuleViolation;
import io.benefitledger.partner.UserId;

/** A draw on a technical benefit broke one of the draw rules. Nothing was drawn. */
public class DrawRefused extends BenefitRuleViolation {

    private final String code;

    private DrawRefused(String code, String message) {
        super(message);
        this.code = code;
    }

    public static DrawRefused notDrawable(SubscriptionId subscription) {
        return new DrawRefused("not-drawable", "subscription " + subscription + " is a seat; only technical benefits are drawn");
    }

    public static DrawRefused notActive(SubscriptionId subscription, SubscriptionStatus status) {
        return new DrawRefused("benefit-not-active", "technical benefit " + subscription + " is " + status
                                                     + "; it can be drawn once its activation is fulfilled");
    }

    public static DrawRefused notTheAssignee(UserId user) {
        return new DrawRefused("not-the-assignee", "user " + user
                                                   + " is neither the benefit's assigned user nor a Global admin");
    }

    public static DrawRefused phaseRequired() {
        return new DrawRefused("phase-required", "a request for hours names its phase: presales, design, deployment or app development");
    }

    public static DrawRefused oneIncidentAtATime() {
        return new DrawRefused("one-incident-at-a-time", "support incidents are drawn one at a time, without a phase");
    }

    public static DrawRefused balanceExceeded(SubscriptionId subscription, int asked, int left) {
        return new DrawRefused("balance-exceeded", "technical benefit " + subscription + " has " + left + " left; "
                                                   + asked + " were asked");
    }

    @Override
    public String code() {
        return code;
    }
}
