package io.benefitledger.pkg;

/**
 * A benefit of a package that is activated by assigning a user: one Subscription each. Its id is derived from the
 * package's, so the package can name, when it is cancelled, every subscription to revoke.
 *
 * @param quantity seats are 1; a technical benefit holds its incidents or hours
 * @param unit     the technical benefit's unit; {@code null} for seats and usage-based subscriptions
 */
public record AssignableBenefit(String subscriptionId, Category category, String allocationId, String name,
                                int quantity, TechnicalAllocation.Unit unit) {

    public enum Category { CLOUD_USAGE, VISUAL_STUDIO, TECHNICAL }
}
