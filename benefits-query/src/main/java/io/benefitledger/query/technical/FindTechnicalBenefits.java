package io.benefitledger.query.technical;

import io.benefitledger.query.BenefitStatus;

/** The Technical benefits tab of a partner, one page of it; only rows in {@code status} when it is given. */
public record FindTechnicalBenefits(String partnerId, BenefitStatus status, int page, int size) {
}
