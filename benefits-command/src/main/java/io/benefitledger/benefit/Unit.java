package io.benefitledger.benefit;

/** What a benefit is counted in, and whether and how it is drawn on. */
public enum Unit {
    KEY("keys", false),
    SUBSCRIPTION("subscriptions", false),
    SEAT("seats", false),
    /** Product-support incidents: drawn one at a time, without a phase. */
    INCIDENT("incidents", true) {
        @Override
        public void checkDraw(int amount, Phase phase) {
            if (amount != 1 || phase != null) {
                throw DrawRefused.oneIncidentAtATime();
            }
        }
    },
    /** Advisory or presales and deployment hours: drawn for the phase they are for. */
    HOUR("hours", true) {
        @Override
        public void checkDraw(int amount, Phase phase) {
            if (phase == null) {
                throw DrawRefused.phaseRequired();
            }
        }
    };

    private final String plural;
    private final boolean drawn;

    Unit(String plural, boolean drawn) {
        this.plural = plural;
        this.drawn = drawn;
    }

    /** The unit as reports name it: {@code keys}, {@code seats}, {@code hours}… */
    public String plural() {
        return plural;
    }

    /** Whether a benefit in this unit is used by drawing on it, rather than by assigning it. */
    public boolean isDrawn() {
        return drawn;
    }

    /** Refuses any draw on a benefit counted in a unit that is not drawn on. */
    public void checkDrawable(SubscriptionId subscription) {
        if (!drawn) {
            throw DrawRefused.notDrawable(subscription);
        }
    }

    /** Refuses a draw of {@code amount} for {@code phase} that this drawn unit does not allow. */
    public void checkDraw(int amount, Phase phase) {
        // any amount, with or without a phase
    }
}
