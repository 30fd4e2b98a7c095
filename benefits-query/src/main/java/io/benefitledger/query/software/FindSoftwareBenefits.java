package io.benefitledger.query.software;

/** The Software tab of a partner, one page of it. */
public record FindSoftwareBenefits(String partnerId, int page, int size) {
}
