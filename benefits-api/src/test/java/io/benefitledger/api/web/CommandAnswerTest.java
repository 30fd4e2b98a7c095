package io.benefitledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.benefitledger.testsupport.LedgerClient;
import io.benefitledger.testsupport.LedgerIntegrationTest;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command's answer (its position and its aggregate's version) is what its own unit of work recorded, and it never
 * says "nothing was recorded" unless nothing was: another writer's commit right after it, a database lost after the
 * commit, and a commit that failed or whose acknowledgement was lost are each staged at the moment they matter.
 */
@LedgerIntegrationTest
@Import(CommandAnswerTest.Staging.class)
class CommandAnswerTest {

    /** What happens to the next command handled: run once its aggregate's lock is released, or a fault in its commit. */
    static final AtomicReference<Runnable> AFTER_CLEANUP = new AtomicReference<>();
    static final AtomicReference<Fault> COMMIT_FAULT = new AtomicReference<>();
    static final AtomicReference<Thread> FAULTY_THREAD = new AtomicReference<>();

    enum Fault {
        /** The database commits, but the connection breaks before the driver hears it. */
        ACKNOWLEDGEMENT_LOST,
        /** The connection breaks before the commit reaches the database. */
        NOT_COMMITTED
    }

    @TestConfiguration
    static class Staging {

        @Bean
        Object stagedCommandMoments(CommandBus commandBus) {
            MessageHandlerInterceptor<CommandMessage<?>> interceptor = (unitOfWork, chain) -> {
                Runnable afterCleanup = AFTER_CLEANUP.getAndSet(null);
                if (afterCleanup != null) {
                    // cleanup handlers run in reverse order: this one after the repository has released the lock
                    unitOfWork.onCleanup(u -> afterCleanup.run());
                }
                if (COMMIT_FAULT.get() != null) {
                    FAULTY_THREAD.set(Thread.currentThread());
                }
                return chain.proceed();
            };
            return commandBus.registerHandlerInterceptor(interceptor);
        }

        @Bean
        static BeanPostProcessor faultyCommits() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof HikariDataSource pool ? new FaultyCommits(pool) : bean;
                }
            };
        }
    }

    static class FaultyCommits extends DelegatingDataSource {

        FaultyCommits(DataSource pool) {
            super(pool);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Connection connection = super.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, arguments) -> {
                        if (method.getName().equals("commit") && FAULTY_THREAD.get() == Thread.currentThread()) {
                            FAULTY_THREAD.set(null);
                            Fault fault = COMMIT_FAULT.getAndSet(null);
                            if (fault == Fault.ACKNOWLEDGEMENT_LOST) {
                                connection.commit();
                            }
                            throw new SQLException("An I/O error occurred while sending to the backend.", "08006");
                        }
                        try {
                            return method.invoke(connection, arguments);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;

    LedgerClient alice;
    String partner = "answer-" + UUID.randomUUID();
    String packageId = "answer-" + UUID.randomUUID();
    String reveal;

    @BeforeEach
    void purchase() {
        alice = LedgerClient.operator(http).registerPartner(partner, "");
        alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "software": [{"productId": "office", "name": "Office", "keys": 5, "languages": ["en-US"],
                               "operatingSystems": ["x64"], "downloadUrlTemplate": "https://dl.example/{language}/{os}"}],
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 3}]}"""
                .formatted(packageId));
        reveal = "/partners/" + partner + "/packages/" + packageId + "/software/office/keys";
    }

    @AfterEach
    void nothingLeftStaged() {
        AFTER_CLEANUP.set(null);
        COMMIT_FAULT.set(null);
        FAULTY_THREAD.set(null);
    }

    ResponseEntity<JsonNode> revealKey(String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return alice.sendWith(headers, HttpMethod.POST, reveal, "{\"language\": \"en-US\", \"operatingSystem\": \"x64\"}");
    }

    long positionOfReveal(long sequenceNumber) {
        return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? and sequence_number = ?",
                Long.class, partner + "/" + packageId, sequenceNumber);
    }

    long reveals() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and payload_type like '%KeysRevealed'",
                Long.class, partner + "/" + packageId);
    }

    @Test
    void a_purchase_answers_the_position_of_the_last_event_it_and_its_policies_recorded() {
        String other = "answer-" + UUID.randomUUID();
        ResponseEntity<JsonNode> purchased = alice.purchase("/partners/" + partner + "/packages", """
                {"packageId": "%s", "packageType": "Action Pack",
                 "visualStudio": [{"allocationId": "vs", "name": "Visual Studio Enterprise", "seats": 3}]}""".formatted(other));

        assertThat(purchased.getHeaders().getETag()).isEqualTo("\"0\"");
        assertThat(purchased.getBody().get("position").asLong()).isEqualTo(jdbc.queryForObject(
                "select max(global_index) from domain_event_entry where aggregate_identifier like ?", Long.class,
                partner + "/" + other + ":vs:%"));
    }

    @Test
    void another_writers_commit_right_after_a_command_is_not_in_its_answer() {
        AtomicReference<ResponseEntity<JsonNode>> otherWriter = new AtomicReference<>();
        AFTER_CLEANUP.set(() -> otherWriter.set(CompletableFuture.supplyAsync(() -> revealKey(null)).join()));

        ResponseEntity<JsonNode> first = revealKey(null);

        assertThat(otherWriter.get().getHeaders().getETag()).isEqualTo("\"2\"");
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(first.getBody().get("position").asLong()).isEqualTo(positionOfReveal(1));
    }

    @Test
    void a_command_recorded_before_the_database_went_away_answers_what_it_recorded() throws SQLException {
        String database = url.substring(url.lastIndexOf('/') + 1);
        AFTER_CLEANUP.set(() -> cutOff(database));
        ResponseEntity<JsonNode> revealed;
        try {
            revealed = revealKey(null);
        } finally {
            admit(database);
        }

        assertThat(revealed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(revealed.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(revealed.getBody().get("position").asLong()).isEqualTo(positionOfReveal(1));
    }

    @Test
    void a_commit_whose_acknowledgement_was_lost_is_answered_as_unknown_and_a_retry_with_its_key_answers_as_recorded() {
        COMMIT_FAULT.set(Fault.ACKNOWLEDGEMENT_LOST);

        ResponseEntity<JsonNode> lost = revealKey("lost-ack-" + partner);

        assertThat(lost.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(lost.getBody().get("type").asText()).endsWith("/outcome-unknown");
        assertThat(lost.getBody().get("detail").asText()).contains("may or may not have been recorded", "same Idempotency-Key");
        assertThat(lost.getHeaders().getETag()).isNull();
        assertThat(reveals()).as("the database did commit").isEqualTo(1);

        ResponseEntity<JsonNode> retried = revealKey("lost-ack-" + partner);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retried.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(retried.getBody().get("position").asLong()).isEqualTo(positionOfReveal(1));
        assertThat(reveals()).isEqualTo(1);
    }

    @Test
    void a_commit_that_failed_is_answered_as_unknown_not_as_nothing_recorded_and_a_retry_with_its_key_records_it_once() {
        COMMIT_FAULT.set(Fault.NOT_COMMITTED);

        ResponseEntity<JsonNode> failed = revealKey("failed-" + partner);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failed.getBody().get("type").asText()).endsWith("/outcome-unknown");
        assertThat(reveals()).isZero();

        ResponseEntity<JsonNode> retried = revealKey("failed-" + partner);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getHeaders().getFirst("Idempotent-Replayed")).isNull();
        assertThat(reveals()).isEqualTo(1);
    }

    @Test
    void a_command_without_a_key_whose_commit_failed_is_answered_as_unknown() {
        COMMIT_FAULT.set(Fault.NOT_COMMITTED);

        ResponseEntity<JsonNode> failed = revealKey(null);

        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(failed.getBody().get("type").asText()).endsWith("/outcome-unknown");
        assertThat(failed.getBody().get("detail").asText()).contains("may or may not have been recorded", "Idempotency-Key");
        assertThat(reveals()).isZero();
    }

    /** The database refuses new connections and ends every open one, as when its server goes away. */
    void cutOff(String database) {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database + " allow_connections false");
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void admit(String database) throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("alter database " + database + " allow_connections true");
        }
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
    }

    Connection admin() throws SQLException {
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", user, password);
    }
}
