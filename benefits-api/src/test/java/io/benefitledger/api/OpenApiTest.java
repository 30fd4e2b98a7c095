package io.benefitledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** The service describes its own HTTP API, so clients can be generated and checked against it. */
@LedgerIntegrationTest
class OpenApiTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void the_openapi_description_lists_the_package_commands_and_the_tabs() {
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(description.get("openapi").asText()).startsWith("3.");
        assertThat(description.get("paths").has("/partners/{partnerId}/packages")).isTrue();
        assertThat(description.get("paths").has("/partners/{partnerId}/packages/{packageId}/software/{productId}/keys")).isTrue();
        assertThat(description.get("paths").has("/partners/{partnerId}/software")).isTrue();
    }
}
