package io.benefitledger.api;

import io.benefitledger.api.security.SecurityMode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * These machines have no Docker engine, so docker-compose.yml and the Dockerfile cannot be run in CI; this test
 * reads them and checks that the variables they give the service are ones the service reads, that they point at the
 * compose database, and that a container authenticates with an identity provider or does not start.
 */
class DockerComposeTest {

    /** Read by Axon itself, outside Spring, to keep its update checker from calling out. */
    static final String AXON_UPDATE_CHECKER = "AXONIQ_UPDATE_CHECKER_DISABLED";

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        try (InputStream compose = Files.newInputStream(Path.of("..", "docker-compose.yml"))) {
            Map<String, Object> services = (Map<String, Object>) new Yaml().<Map<String, Object>>load(compose).get("services");
            return (Map<String, Object>) services.get(name);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(String service) throws IOException {
        return new HashMap<>((Map<String, Object>) service(service).get("environment"));
    }

    /** The ${VARIABLE:default} placeholders application.yml resolves from the environment. */
    static Set<String> placeholdersOfApplicationYml() throws IOException {
        String yml = Files.readString(Path.of("src", "main", "resources", "application.yml"));
        Matcher placeholders = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(yml);
        return placeholders.results().map(match -> match.group(1)).collect(Collectors.toSet());
    }

    @Test
    void the_service_connects_to_the_compose_database_with_the_credentials_it_was_created_with() throws IOException {
        Map<String, Object> ledger = environment("ledger");
        Map<String, Object> postgres = environment("postgres");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose", ledger));

        DataSourceProperties dataSource = Binder.get(environment).bind("spring.datasource", DataSourceProperties.class).get();

        assertThat(dataSource.getUrl()).isEqualTo("jdbc:postgresql://postgres:5432/" + postgres.get("POSTGRES_DB"));
        assertThat(dataSource.getUsername()).isEqualTo(postgres.get("POSTGRES_USER"));
        assertThat(dataSource.getPassword()).isEqualTo(postgres.get("POSTGRES_PASSWORD"));
    }

    /** The ENV lines of the Dockerfile's final stage: what the image runs with when nothing else is set. */
    static Map<String, Object> imageEnvironment() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("..", "Dockerfile"));
        int finalStage = 0;
        for (int line = 0; line < lines.size(); line++) {
            if (lines.get(line).startsWith("FROM ")) {
                finalStage = line;
            }
        }
        Map<String, Object> environment = new HashMap<>();
        lines.subList(finalStage, lines.size()).stream().filter(line -> line.startsWith("ENV "))
                .map(line -> line.substring(4).split("=", 2)).forEach(pair -> environment.put(pair[0], pair[1]));
        return environment;
    }

    static StandardEnvironment environmentOf(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("container", variables));
        return environment;
    }

    @Test
    void the_image_alone_refuses_to_start_without_an_identity_provider_rather_than_mint_its_own_tokens() throws IOException {
        assertThatIllegalStateException().isThrownBy(() -> SecurityMode.of(environmentOf(imageEnvironment())))
                .withMessageContaining("no identity provider");
    }

    @Test
    void compose_runs_jwt_mode_with_the_issuer_and_audience_the_operator_must_name() throws IOException {
        Map<String, Object> ledger = environment("ledger");
        Map<String, Object> container = imageEnvironment();
        container.putAll(ledger);

        assertThat(ledger.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI").toString())
                .as("compose refuses to start without the operator naming the issuer")
                .startsWith("${LEDGER_JWT_ISSUER_URI:?");
        assertThat(ledger.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES").toString())
                .as("compose refuses to start without the operator naming the audience")
                .startsWith("${LEDGER_JWT_AUDIENCE:?");
        assertThat(SecurityMode.of(environmentOf(container))).isEqualTo(SecurityMode.JWT);
    }

    @Test
    void every_variable_given_to_the_service_is_one_it_reads() throws IOException {
        Set<String> readFromApplicationYml = placeholdersOfApplicationYml();

        Set<String> given = new HashSet<>(environment("ledger").keySet());
        given.addAll(imageEnvironment().keySet());

        assertThat(given).allSatisfy(variable -> assertThat(
                variable.startsWith("SPRING_DATASOURCE_") || variable.startsWith("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_")
                || variable.startsWith("SPRING_MAIL_")
                || readFromApplicationYml.contains(variable) || variable.equals(AXON_UPDATE_CHECKER))
                .as(variable + " is read by the service").isTrue());
    }

    @Test
    void the_service_is_built_from_this_repository_and_published_on_its_port() throws IOException {
        Map<String, Object> ledger = service("ledger");

        assertThat(ledger.get("build")).isEqualTo(".");
        assertThat(Files.exists(Path.of("..", "Dockerfile"))).isTrue();
        assertThat(ledger.get("ports").toString()).contains("8080:8080");
    }

    @Test
    void compose_sends_the_mails_to_a_mail_catcher_whose_web_page_only_this_machine_reaches() throws IOException {
        Map<String, Object> ledger = environment("ledger");

        assertThat(ledger.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
        assertThat(ledger.get("SPRING_MAIL_PORT")).isEqualTo("1025");
        assertThat(service("mailpit").get("image")).isEqualTo("axllent/mailpit");
        assertThat(service("mailpit").get("ports")).isEqualTo(List.of("127.0.0.1:8025:8025"));
    }
}
