package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * The event history as auditors read it, straight from the event store: every event with its position, aggregate,
 * sequence number, type, instant, payload, and who caused it through which request. A partner's history is the
 * events of its aggregates, found through the partner column the store writes with each event (migration V15), so
 * reading it costs that partner's history alone and never parses another partner's payloads. Aggregates are named
 * as the partner names them ({@link #reference}). License keys are shown as a count, never as keys.
 */
@Component
public class AuditTrail {

    /** One recorded event. */
    public record RecordedEvent(long position, String eventId, String aggregate, long sequenceNumber, String type,
                                String revision, Instant recordedAt, JsonNode payload, String actingUser,
                                String actingPartner, String requestId, String correlationId, String traceId) {
    }

    /** A partner's events; {@code e} is the domain_event_entry row. */
    static final String OF_PARTNER = "e.partner_id = ?";

    private static final String SELECT = """
            select global_index, event_identifier, aggregate_identifier, sequence_number, payload_type, payload_revision,
                   time_stamp, payload, meta_data
            from domain_event_entry e
            where\s""" + OF_PARTNER;

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The event store's identifier of a partner's aggregate, from the name the partner knows it by: its package,
     * subscription or {@code go-to-market} id, or the partner's own id for the partner itself.
     */
    static String storeId(String partner, String reference) {
        return reference.equals(partner) ? partner : AggregateId.of(new PartnerId(partner), reference).toString();
    }

    /** The name a partner knows an aggregate by, from its event store identifier: the inverse of {@link #storeId}. */
    static String reference(String storeId) {
        return AggregateId.localOf(storeId);
    }

    /** A page of a partner's events, in the order they were recorded; only one aggregate's when it is named. */
    public List<RecordedEvent> history(String partner, String aggregate, int page, int size) {
        return aggregate == null
                ? jdbc.query(SELECT + " order by global_index limit ? offset ?", (row, index) -> event(row),
                partner, size, (long) page * size)
                : jdbc.query(SELECT + " and aggregate_identifier = ? order by global_index limit ? offset ?",
                (row, index) -> event(row), partner, storeId(partner, aggregate), size, (long) page * size);
    }

    /** Every event of a partner from a position on, a chunk at a time, for an export that need not fit in memory. */
    public void log(String partner, long fromPosition, Consumer<RecordedEvent> each) {
        long next = fromPosition;
        List<RecordedEvent> chunk;
        do {
            chunk = jdbc.query(SELECT + " and global_index >= ? order by global_index limit " + CHUNK,
                    (row, index) -> event(row), partner, next);
            chunk.forEach(each);
            next = chunk.isEmpty() ? next : chunk.get(chunk.size() - 1).position() + 1;
        } while (chunk.size() == CHUNK);
    }

    private RecordedEvent event(ResultSet row) throws SQLException {
        JsonNode metadata = read(row.getBytes("meta_data"));
        String type = row.getString("payload_type");
        return new RecordedEvent(row.getLong("global_index"), row.getString("event_identifier"),
                reference(row.getString("aggregate_identifier")), row.getLong("sequence_number"), type.substring(type.lastIndexOf('.') + 1),
                row.getString("payload_revision"), Instant.parse(row.getString("time_stamp")),
                redacted(read(row.getBytes("payload"))), text(metadata, "actingUser"), text(metadata, "actingPartner"),
                text(metadata, "requestId"), text(metadata, "correlationId"), text(metadata, "traceId"));
    }

    /** License keys are secrets even to auditors: the record shows how many were revealed. */
    private static JsonNode redacted(JsonNode payload) {
        if (payload instanceof ObjectNode object && object.get("keys") != null && object.get("keys").isArray()) {
            object.put("keys", "[" + object.get("keys").size() + " license keys, redacted]");
        }
        return payload;
    }

    private JsonNode read(byte[] bytes) {
        try {
            return bytes == null ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
