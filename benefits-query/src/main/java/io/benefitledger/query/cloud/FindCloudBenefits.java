package io.benefitledger.query.cloud;

import io.benefitledger.query.BenefitStatus;

/** The Cloud tab of a partner, one page of it; only rows in {@code status} when it is given. */
public record FindCloudBenefits(String partnerId, BenefitStatus status, int page, int size) {
}
