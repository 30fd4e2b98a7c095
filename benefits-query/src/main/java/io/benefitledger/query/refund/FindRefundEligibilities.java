package io.benefitledger.query.refund;

import java.time.Instant;

/**
 * The refund eligibility of each of a partner's packages at {@code at}, one page of them; with
 * {@code onlyRefundable}, only the packages that would still get a refund, soonest deadline first.
 */
public record FindRefundEligibilities(String partnerId, Instant at, boolean onlyRefundable, int page, int size) {
}
