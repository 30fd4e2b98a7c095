package io.benefitledger.query.software;

import io.benefitledger.query.BenefitStatus;

/** The Software tab of a partner, one page of it; only rows in {@code status} when it is given. */
public record FindSoftwareBenefits(String partnerId, BenefitStatus status, int page, int size) {
}
