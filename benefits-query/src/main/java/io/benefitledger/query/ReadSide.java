package io.benefitledger.query;

/**
 * Every read model is kept by one processing group, so each event is read, deserialized and handled once for all of
 * them. What that costs in isolation: an event a projection fails on is parked with its aggregate's later events in
 * every read model of the group (all other aggregates go on), and a rebuild rebuilds them all, in one pass.
 */
public final class ReadSide {

    public static final String GROUP = "read-models";

    private ReadSide() {
    }
}
