package io.benefitledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.benefitledger.PersonalData;
import io.benefitledger.api.security.PersonalDataMasking;
import io.benefitledger.partner.AggregateId;
import io.benefitledger.partner.PartnerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
    public record RecordedEvent(long position, String partnerId, String eventId, String aggregate, long sequenceNumber, String type,
                                String revision, Instant recordedAt, JsonNode payload, @PersonalData String actingUser,
                                String actingPartner, String requestId, String correlationId, String traceId) {
    }

    /** A partner's events; {@code e} is the domain_event_entry row. */
    static final String OF_PARTNER = "e.partner_id = ?";

    private static final String COLUMNS = """
            select global_index, event_identifier, aggregate_identifier, sequence_number, payload_type, payload_revision,
                   time_stamp, payload, meta_data, partner_id
            from domain_event_entry e
            """;

    private static final String SELECT = COLUMNS + "where " + OF_PARTNER;

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

    /**
     * Which of a partner's events to read: one aggregate's, or a package's with its seats; of one type (its simple
     * name); recorded in {@code [from, to)}. Every part is optional.
     */
    public record Filter(String aggregate, String packageId, String type, Instant from, Instant to) {
    }

    /**
     * A page of a partner's events up to the safe position {@code upTo} (see {@link SafeMark}), in the order they were
     * recorded: below it the history is final, so a page read again gives the same events.
     */
    public List<RecordedEvent> history(String partner, Filter filter, long upTo, int page, int size) {
        StringBuilder sql = new StringBuilder(SELECT + " and global_index <= ?");
        List<Object> arguments = new ArrayList<>(List.of(partner, upTo));
        if (filter.aggregate() != null) {
            sql.append(" and aggregate_identifier = ?");
            arguments.add(storeId(partner, filter.aggregate()));
        }
        if (filter.packageId() != null) {
            String pkg = AggregateId.of(new PartnerId(partner), filter.packageId()).toString();
            sql.append(" and (aggregate_identifier = ? or aggregate_identifier like ? escape '\\')");
            arguments.add(pkg);
            arguments.add(pkg.replace("_", "\\_") + ":%");
        }
        if (filter.type() != null) {
            sql.append(" and payload_type like ?");
            arguments.add("%." + filter.type());
        }
        if (filter.from() != null) {
            sql.append(" and time_stamp::timestamptz >= ?");
            arguments.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and time_stamp::timestamptz < ?");
            arguments.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by global_index limit ? offset ?");
        arguments.add(size);
        arguments.add((long) page * size);
        return jdbc.query(sql.toString(), (row, index) -> event(row), arguments.toArray());
    }

    /** One of a partner's events, by its id. */
    public Optional<RecordedEvent> event(String partner, String eventId) {
        return jdbc.query(SELECT + " and event_identifier = ?", (row, index) -> event(row), partner, eventId)
                .stream().findFirst();
    }

    /**
     * The events of some partners after {@code after} and up to the safe position {@code upTo}, at most {@code limit}:
     * a warehouse's feed. Resuming after the last position read, or after {@code upTo} when fewer came, skips nothing
     * and repeats nothing. The personal data of the partners {@code masksPeopleOf} names is masked in the payloads.
     */
    public List<RecordedEvent> across(Collection<String> partners, long after, long upTo, int limit,
                                      Predicate<String> masksPeopleOf) {
        return jdbc.query(COLUMNS + "where e.partner_id = any(?) and global_index > ? and global_index <= ? order by global_index limit ?",
                (row, index) -> {
                    RecordedEvent event = event(row);
                    if (masksPeopleOf.test(event.partnerId())) {
                        PersonalDataMasking.maskJson(event.payload(), payloadClass(row.getString("payload_type")));
                    }
                    return event;
                }, partners.toArray(String[]::new), after, upTo, limit);
    }

    /** Every event of a partner from a position on, up to the safe position, a chunk at a time, for an export. */
    public void log(String partner, long fromPosition, long upTo, Consumer<RecordedEvent> each) {
        long next = fromPosition;
        List<RecordedEvent> chunk;
        do {
            chunk = jdbc.query(SELECT + " and global_index >= ? and global_index <= ? order by global_index limit " + CHUNK,
                    (row, index) -> event(row), partner, next, upTo);
            chunk.forEach(each);
            next = chunk.isEmpty() ? next : chunk.get(chunk.size() - 1).position() + 1;
        } while (chunk.size() == CHUNK);
    }

    private RecordedEvent event(ResultSet row) throws SQLException {
        JsonNode metadata = read(row.getBytes("meta_data"));
        String type = row.getString("payload_type");
        return new RecordedEvent(row.getLong("global_index"), row.getString("partner_id"), row.getString("event_identifier"),
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

    /** The event's type; every type in the store is one of the ledger's events. */
    private static Class<?> payloadClass(String type) {
        try {
            return Class.forName(type);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an event of unknown type " + type + " cannot be masked", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }
}
