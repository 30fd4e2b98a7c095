package io.benefitledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.ArrayList;
import java.util.List;

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

    @Test
    void the_description_declares_bearer_authentication_for_every_operation() {
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(description.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
        assertThat(description.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(description.get("security").findValues("bearer")).isNotEmpty();
    }

    @Test
    void no_operation_lists_the_caller_which_comes_from_the_token() {
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);

        List<String> parameters = new ArrayList<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation.getValue().path("parameters").forEach(parameter ->
                        parameters.add(path.getKey() + " " + operation.getKey() + " " + parameter.get("name").asText()))));
        assertThat(parameters).isNotEmpty().noneMatch(parameter -> parameter.endsWith(" caller"));
        assertThat(description.at("/components/schemas/Caller").isMissingNode()).isTrue();
    }
}
