package io.benefitledger.query.cloud;

/** The Cloud tab of a partner, one page of it. */
public record FindCloudBenefits(String partnerId, int page, int size) {
}
