package io.benefitledger.api.web;

import com.zaxxer.hikari.HikariDataSource;
import io.benefitledger.testsupport.TestPostgres;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Which failures are the database being out of reach (503, retry) and which are faults to report (500). */
class DatabaseUnavailableTest {

    @Test
    void a_connection_the_pool_closed_after_its_connection_error_is_the_database_being_unavailable() throws SQLException {
        TestPostgres.Database database = TestPostgres.newDatabase();
        try (HikariDataSource pool = new HikariDataSource()) {
            pool.setJdbcUrl(database.url());
            pool.setUsername(database.user());
            pool.setPassword(database.password());
            Connection connection = pool.getConnection();
            connection.close();

            SQLException closed = catchThrowableOfType(SQLException.class, () -> connection.prepareStatement("select 1"));

            assertThat(closed.getSQLState()).as("Hikari gives no SQL state for a closed connection").isNull();
            assertThat(ProblemDetailsAdvice.databaseUnavailable(
                    new GenericJDBCException("could not prepare statement", closed))).isTrue();
        }
    }

    @Test
    void connection_and_shutdown_sql_states_are_the_database_being_unavailable() {
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new SQLException("I/O error", "08006"))).isTrue();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(
                new IllegalStateException(new SQLException("terminating connection", "57P01")))).isTrue();
    }

    @Test
    void other_sql_failures_are_not() {
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new SQLException("Connection is closed"))).isFalse();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new ConstraintViolationException(
                "duplicate", new SQLException("duplicate key", "23505"), "uk"))).isFalse();
        assertThat(ProblemDetailsAdvice.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
    }
}
