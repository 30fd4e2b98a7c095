package io.benefitledger.pkg;

import io.benefitledger.Identifiers;

/** Visual Studio subscriptions of a package: {@code seats} seats, each assigned to one user. */
public record SeatAllocation(String allocationId, String name, int seats) {

    public SeatAllocation {
        Identifiers.check("allocation id", allocationId);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the name of a Visual Studio subscription is required");
        }
        if (seats < 1) {
            throw new IllegalArgumentException("a Visual Studio subscription allocation holds at least one seat");
        }
    }
}
