package io.benefitledger.api.description;

import java.util.Map;

/**
 * How each id a path names is made, as a client needs to know it. Every id has the one shape the domain checks
 * ({@code io.benefitledger.Identifiers}); the ids the ledger derives from a package's are named here.
 */
final class IdGrammar {

    /** The domain's identifier shape, anchored as JSON Schema patterns are not. */
    static final String SHAPE = "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$";

    private static final String ID = "1 to 128 letters, digits or `. _ : @ -`, starting with a letter or digit";

    private static final Map<String, String> GRAMMAR = Map.ofEntries(
            Map.entry("partnerId", "The partner, as registered by the program operator (`contoso`); " + ID + "."),
            Map.entry("packageId", "A package, as named by its purchase (`silver-2026`); " + ID + ". Unique within"
                                   + " the partner, and never `go-to-market`."),
            Map.entry("productId", "A licensed product of the package, software or license-based cloud, as named by the"
                                   + " purchase (`windows-server`); " + ID + "."),
            Map.entry("subscriptionId", "A subscription the package opened: `<package>:<allocation>` for a usage-based"
                                        + " Azure subscription or a technical benefit (`silver-2026:azure`,"
                                        + " `silver-2026:advisory`), `<package>:<allocation>:<n>` for the n-th Visual"
                                        + " Studio seat, n from 1 (`silver-2026:vs:1`). At most 128 characters."),
            Map.entry("offerId", "A Go-To-Market offer of the program's catalogue (`silver-marketing-kit`); " + ID + "."),
            Map.entry("userId", "A user of the partner's directory (`alice`); " + ID + "."),
            Map.entry("aggregateId", "A package (`silver-2026`), a subscription (`silver-2026:vs:1`), the partner's offer"
                                     + " set (`go-to-market`) or the partner itself (`contoso`)."),
            Map.entry("eventId", "An event's id, as the audit trail lists it (a UUID)."),
            Map.entry("digestId", "A digest's number, as `GET /audit/digests` lists it."),
            Map.entry("name", "A processor, as `GET /operations/processors` lists it (`read-models`)."),
            Map.entry("awaitPosition", "A `position` a command answered with: the read waits (up to 5 s) until its read"
                                       + " model shows it, then answers."));

    private IdGrammar() {
    }

    static String of(String parameter) {
        return GRAMMAR.get(parameter);
    }

    /** The ids of the domain, which all have {@link #SHAPE}. */
    static boolean isIdentifier(String parameter) {
        return parameter.endsWith("Id") && !parameter.equals("digestId") && !parameter.equals("eventId");
    }
}
