package io.benefitledger.api.storage;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The embedded default: with no {@code spring.datasource.url}, the service runs its own PostgreSQL server whose
 * data directory survives restarts, and owns its life (see {@link EmbeddedPostgresServer}). Set
 * {@code SPRING_DATASOURCE_URL} to use another server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(@Value("${ledger.embedded-postgres.data-directory}") Path dataDirectory,
                                                  @Value("${ledger.embedded-postgres.port}") int port,
                                                  @Value("${ledger.embedded-postgres.startup-wait}") Duration startupWait)
            throws IOException {
        // A server that cannot be restarted ends the service; Spring's shutdown hook still closes it in order.
        return EmbeddedPostgresServer.start(dataDirectory, port, startupWait,
                () -> System.exit(EmbeddedPostgresServer.EXIT_CODE));
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.jdbcUrl())
                .username(EmbeddedPostgresServer.SUPERUSER)
                .password(postgres.password().orElse(""))
                .build();
    }

    /** Health component {@code embeddedPostgres}: UP while the server runs, DOWN with the reason while it does not. */
    @Bean
    HealthIndicator embeddedPostgresHealthIndicator(EmbeddedPostgresServer postgres) {
        return postgres::health;
    }
}
