package io.benefitledger.query.technical;

/** The Technical benefits tab of a partner, one page of it. */
public record FindTechnicalBenefits(String partnerId, int page, int size) {
}
