package io.benefitledger.api.axon;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.temporal.TemporalAmount;

/**
 * Axon's JDBC token store over the {@code token_entry} table, except that nodes starting together on a fresh database
 * take turns creating a processor's segments.
 * <p>
 * JDBC rather than JPA: a token update is one prepared statement on the connection of the batch's transaction (Spring's,
 * bound by the JPA transaction manager), so it commits with the read models' rows, where the JPA store's JPQL update
 * first made Hibernate flush the batch's persistence context.
 * <p>
 * Each processor creates its segments when it starts, in the starting thread, if it finds none. Two nodes that both
 * find none both insert: the second insert waits for the first node's commit, fails on the primary key, and the
 * failure marks the transaction rollback-only, so its commit throws out of {@code start()} and that node exits. Here
 * the creation takes a PostgreSQL advisory lock per processor, held to the end of its transaction, and looks again
 * once it has the lock: the node that waited finds the segments the other committed and creates nothing.
 */
final class TakingTurnsTokenStore extends JdbcTokenStore {

    /** The table of migration V1, whose columns are snake_case where Axon's defaults are camelCase. */
    private static final TokenSchema TOKEN_ENTRY = TokenSchema.builder()
            .setTokenTable("token_entry")
            .setProcessorNameColumn("processor_name")
            .setSegmentColumn("segment")
            .setTokenColumn("token")
            .setTokenTypeColumn("token_type")
            .setTimestampColumn("timestamp")
            .setOwnerColumn("owner")
            .build();

    TakingTurnsTokenStore(DataSource dataSource, Serializer serializer, TemporalAmount claimTimeout) {
        super(JdbcTokenStore.builder()
                .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                .schema(TOKEN_ENTRY)
                .serializer(serializer)
                .claimTimeout(claimTimeout)
                // the bytea column, as the JPA store wrote it
                .contentType(byte[].class));
    }

    @Override
    public void initializeTokenSegments(String processorName, int segmentCount, TrackingToken initialToken) {
        try (Connection connection = getConnection();
             PreparedStatement lock = connection.prepareStatement(
                     "select pg_advisory_xact_lock(hashtext('token_entry/' || ?))")) {
            lock.setString(1, processorName);
            lock.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the turn to create the segments of " + processorName, e);
        }
        if (fetchSegments(processorName).length == 0) {
            super.initializeTokenSegments(processorName, segmentCount, initialToken);
        }
    }
}
