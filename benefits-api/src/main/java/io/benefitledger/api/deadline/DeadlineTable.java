package io.benefitledger.api.deadline;

import io.benefitledger.lifecycle.DeadlineSchedule;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The deadlines waiting for their instant, one row each in table {@code deadline}: written in the transaction that
 * records the fact setting the deadline, so a deadline is never lost, and sent by {@link DeadlineRunner}.
 */
@Component
class DeadlineTable implements DeadlineSchedule {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    DeadlineTable(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    @Override
    public void schedule(Instant due, Object command) {
        SerializedObject<String> serialized = serializer.serialize(command, String.class);
        jdbc.update("insert into deadline (due_at, command_type, command) values (?, ?, cast(? as jsonb))",
                Timestamp.from(due), serialized.getType().getName(), serialized.getData());
    }
}
