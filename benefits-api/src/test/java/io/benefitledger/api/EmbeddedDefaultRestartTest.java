package io.benefitledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.benefitledger.BenefitLedgerApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's run command on the embedded default: the service starts its own PostgreSQL with durable settings,
 * and a restart on the same data directory finds every event and every read-model row it had.
 */
class EmbeddedDefaultRestartTest {

    @TempDir
    Path dataDirectory;

    ConfigurableApplicationContext startService() {
        return new SpringApplicationBuilder(BenefitLedgerApplication.class).run(
                "--server.port=0",
                // An empty URL selects the embedded default even where the environment names another server.
                "--spring.datasource.url=",
                "--ledger.embedded-postgres.data-directory=" + dataDirectory);
    }

    /** A client of the service acting with a token its local mode minted for {@code roles}. */
    static RestClient http(ConfigurableApplicationContext service, String partner, String... roles) {
        String base = "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
        String token = RestClient.create(base).post().uri("/local/tokens").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", "alice", "partnerId", partner, "roles", List.of(roles)))
                .retrieve().body(JsonNode.class).get("token").asText();
        return RestClient.builder().baseUrl(base).defaultHeader("Authorization", "Bearer " + token).build();
    }

    static RestClient http(ConfigurableApplicationContext service) {
        return http(service, "contoso", "GLOBAL_ADMIN");
    }

    static JsonNode softwareTab(ConfigurableApplicationContext service) {
        return http(service).get().uri("/partners/contoso/software").retrieve().body(JsonNode.class);
    }

    @Test
    void a_restarted_service_finds_every_event_and_read_model_it_had_and_writes_durably() {
        try (ConfigurableApplicationContext service = startService()) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("show fsync", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
            assertThat(jdbc.queryForObject("show full_page_writes", String.class)).isEqualTo("on");

            http(service, "contoso", "PROGRAM_OPERATOR").post().uri("/partners").contentType(MediaType.APPLICATION_JSON).body("""
                    {"partnerId": "contoso", "companyName": "Contoso Ltd", "companyAccountEmail": "admin@contoso.example",
                     "firstAdmin": {"userId": "alice", "displayName": "Alice", "email": "alice@contoso.example"}}
                    """).retrieve().toBodilessEntity();
            http(service, "contoso", "PROGRAM_OPERATOR").put().uri("/catalogue/offerings/action-pack")
                    .contentType(MediaType.APPLICATION_JSON).body(WalkingSkeletonTest.ACTION_PACK).retrieve().toBodilessEntity();
            http(service).post().uri("/partners/contoso/packages").contentType(MediaType.APPLICATION_JSON)
                    .body("{\"packageId\": \"pkg-restart\", \"offering\": \"action-pack\"}").retrieve().toBodilessEntity();
            http(service).post().uri("/partners/contoso/packages/pkg-restart/software/windows-server/keys")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}").retrieve().toBodilessEntity();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                    assertThat(softwareTab(service).get("rows").get(0).get("keysRemaining").asInt()).isEqualTo(1));
        }
        assertThat(Files.exists(dataDirectory.resolve("postgresql.conf"))).isTrue();

        try (ConfigurableApplicationContext service = startService()) {
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = 'contoso/pkg-restart'",
                    Long.class)).isEqualTo(2);
            JsonNode row = softwareTab(service).get("rows").get(0);
            assertThat(row.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(row.get("keysRemaining").asInt()).isEqualTo(1);

            // The aggregate is rebuilt from its stored events: one key is left, so one more may be revealed, not two.
            var refused = http(service).post().uri("/partners/contoso/packages/pkg-restart/software/windows-server/keys")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"language\": \"en-US\", \"operatingSystem\": \"x64\", \"count\": 2}")
                    .exchange((request, response) -> response.getStatusCode().value());
            assertThat(refused).isEqualTo(422);
        }
    }
}
