package io.benefitledger.query.refund;

import java.time.Instant;

/** Would the package get a refund if its cancellation were requested at {@code at}? */
public record FindRefundEligibility(String partnerId, String packageId, Instant at) {
}
