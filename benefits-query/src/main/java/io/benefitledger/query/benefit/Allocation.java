package io.benefitledger.query.benefit;

import io.benefitledger.benefit.BenefitKind;

/**
 * What one benefit of a tab counts for in the utilisation report: {@code allocated} of {@code unit} of a product, of
 * which {@code used} are assigned, revealed or drawn. A revoked benefit counts for nothing (it has no allocation).
 */
record Allocation(String partnerId, BenefitKind.Tab category, String product, String unit, long allocated, long used) {
}
