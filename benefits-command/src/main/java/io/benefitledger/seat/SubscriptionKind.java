package io.benefitledger.seat;

/** How a subscription is activated and what it holds. */
public enum SubscriptionKind {
    /** A Visual Studio subscription seat: active once a user of the directory is assigned. */
    VISUAL_STUDIO,
    /** A usage-based Azure subscription: active once the acting admin assigns it to themself. */
    AZURE_USAGE,
    /** Incidents or hours: pending once a user and an alternative e-mail are assigned, active once fulfilled. */
    TECHNICAL
}
