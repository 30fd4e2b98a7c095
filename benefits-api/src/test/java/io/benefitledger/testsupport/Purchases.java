package io.benefitledger.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/** How the Benefits page's tests get packages to look at: bought through the API, as the tab shows them. */
public final class Purchases {

    private Purchases() {
    }

    /**
     * Buys a package holding {@code allocations} (an offering's allocation lists, e.g. {@code "software": [...]}),
     * published for it ({@link LedgerClient#purchase}); answers the purchase's position, once every tab has processed it.
     */
    public static long purchase(LedgerClient admin, String partner, String packageId, String allocations) {
        ResponseEntity<JsonNode> purchased = admin.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Silver Core", %s}""".formatted(packageId, allocations));
        assertThat(purchased.getStatusCode()).as(String.valueOf(purchased.getBody())).isEqualTo(HttpStatus.CREATED);
        long position = purchased.getBody().get("position").asLong();
        admin.get("/partners/" + partner + "/software?awaitPosition=" + position);
        return position;
    }
}
