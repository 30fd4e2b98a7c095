package io.benefitledger.query.visualstudio;

/** The Visual Studio subscriptions tab of a partner, one page of it. */
public record FindVisualStudioSeats(String partnerId, int page, int size) {
}
