package io.benefitledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service describes its own HTTP API, so clients can be generated and checked against it. The description served
 * by the running service is written to {@code target/openapi.json}, the build's artifact of it.
 */
@LedgerIntegrationTest
class OpenApiTest {

    static final Set<String> GROUPS = Set.of("Partners", "Catalogue", "Packages", "Software", "Cloud", "Visual Studio", "Technical",
            "Go-To-Market", "Refunds", "Audit", "Reports", "Operations", "Authentication");

    static final Pattern OPERATION_ID = Pattern.compile("(register|add|change|remove|purchase|reveal|request|assign"
            + "|confirm|draw|designate|activate|use|mint|take|verify|rebuild|retry|discard|read|list|stream|publish|withdraw)[A-Z][A-Za-z]*");

    @Autowired
    TestRestTemplate http;

    @Test
    void the_description_is_valid_openapi_3_1_and_is_written_to_target() throws IOException {
        String document = http.getForObject("/v3/api-docs", String.class);
        Files.writeString(Path.of("target", "openapi.json"),
                new ObjectMapper().readTree(document).toPrettyString());

        ParseOptions options = new ParseOptions();
        options.setValidateInternalRefs(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(document, null, options);

        assertThat(parsed.getOpenAPI()).isNotNull();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1.");
        assertThat(parsed.getMessages()).as("what the OpenAPI parser finds wrong").isEmpty();
    }

    @Test
    void the_description_names_the_product_its_version_and_its_authentication() {
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);

        assertThat(description.at("/info/title").asText()).isEqualTo("The benefit ledger");
        assertThat(description.at("/info/version").asText()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(description.at("/info/description").asText()).contains("POST /local/tokens", "Bearer");
        assertThat(description.at("/components/securitySchemes/bearer/bearerFormat").asText()).isEqualTo("JWT");
    }

    /**
     * Each operation says what it does in the domain's words, sits in a group named by a tab or reader, says who may
     * call it, and lists the problems it may answer, each a reference to a problem type documented once.
     */
    @Test
    void every_operation_has_a_summary_a_group_its_roles_and_its_problems() {
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);
        JsonNode problemTypes = description.at("/components/examples");

        List<String> defects = new ArrayList<>();
        description.get("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            String name = entry.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = entry.getValue();
            if (operation.path("summary").asText().isBlank()) {
                defects.add(name + ": no summary");
            }
            if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
                defects.add(name + ": no group");
            }
            operation.path("tags").forEach(tag -> {
                if (!GROUPS.contains(tag.asText())) {
                    defects.add(name + ": group " + tag.asText() + " is not a tab or reader");
                }
            });
            if (!operation.path("x-roles").isArray()) {
                defects.add(name + ": no roles");
            }
            List<String> problems = new ArrayList<>();
            operation.path("responses").properties().forEach(response -> {
                if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                    response.getValue().at("/content/application~1problem+json/examples").properties().forEach(example -> {
                        String reference = example.getValue().path("$ref").asText();
                        if (!reference.equals("#/components/examples/" + example.getKey())
                            || !problemTypes.has(example.getKey())) {
                            defects.add(name + ": problem " + example.getKey() + " is not a documented problem type");
                        }
                        problems.add(example.getKey());
                    });
                }
            });
            if (!problems.contains("invalid-request")) {
                defects.add(name + ": no problems");
            }
        }));
        assertThat(defects).isEmpty();
    }

    /**
     * An operation id is a verb and what it acts on, in the domain's words ({@code purchasePackage},
     * {@code readSoftwareTab}): a generated client's methods are named by them. springdoc's defaults, the Java method's
     * name ({@code software}, {@code all}) with {@code _1} appended to a second one, do not pass.
     */
    @Test
    void every_operation_id_is_unique_and_names_a_verb_and_what_it_acts_on() {
        JsonNode description = http.getForObject("/v3/api-docs", JsonNode.class);

        List<String> ids = new ArrayList<>();
        description.get("paths").forEach(path -> path.forEach(operation -> ids.add(operation.path("operationId").asText())));
        assertThat(ids).isNotEmpty().doesNotHaveDuplicates()
                .allMatch(id -> OPERATION_ID.matcher(id).matches(), "is a verb and what it acts on: " + OPERATION_ID);
    }

    @Test
    void every_problem_type_is_documented_once_with_its_meaning_and_what_to_do() {
        JsonNode examples = http.getForObject("/v3/api-docs", JsonNode.class).at("/components/examples");

        assertThat(examples.size()).isEqualTo(io.benefitledger.api.web.ProblemType.values().length);
        examples.properties().forEach(example -> {
            assertThat(example.getValue().at("/value/type").asText())
                    .isEqualTo("https://benefit-ledger.example/problems/" + example.getKey());
            assertThat(example.getValue().path("description").asText()).contains("**What to do:**");
        });
    }

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
