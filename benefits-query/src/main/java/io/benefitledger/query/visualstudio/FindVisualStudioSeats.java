package io.benefitledger.query.visualstudio;

import io.benefitledger.query.BenefitStatus;

/** The Visual Studio subscriptions tab of a partner, one page of it; only rows in {@code status} when it is given. */
public record FindVisualStudioSeats(String partnerId, BenefitStatus status, int page, int size) {
}
