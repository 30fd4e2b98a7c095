package io.benefitledger.api.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Recomputes a partner's event hash chains (kept by the database in the transaction that stores each event, see
 * migration V6) and reports the first event that no longer matches: altered, missing from its chain, or whose link
 * to its predecessor is broken.
 */
@Component
public class TamperEvidence {

    /** The outcome of a verification: intact, or the first break in recorded order. */
    public record Verification(boolean intact, long eventsVerified, Break firstBreak) {
    }

    public record Break(long position, String eventId, String aggregate, long sequenceNumber, String problem) {
    }

    private static final String SCOPE = """
            from domain_event_entry e left join event_hash h on h.global_index = e.global_index
            where (cast(? as varchar) is null or e.aggregate_identifier = ?) and\s""" + AuditTrail.OF_PARTNER;

    private final JdbcTemplate jdbc;

    TamperEvidence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Verification verify(String partner, String aggregate) {
        String scope = aggregate == null ? null : AuditTrail.storeId(partner, aggregate);
        long verified = jdbc.queryForObject("select count(*) " + SCOPE, Long.class, scope, scope, partner);
        List<Break> breaks = jdbc.query("""
                        select * from (
                            select e.global_index, e.event_identifier, e.aggregate_identifier, e.sequence_number,
                                   case
                                       when h.global_index is null then 'missing from the hash chain'
                                       when h.hash <> ledger_event_hash(h.previous_hash, e)
                                           then 'altered: its stored contents no longer match its hash'
                                       when e.sequence_number > 0 and h.previous_hash is distinct from (
                                           select p.hash from event_hash p
                                           where p.aggregate_identifier = e.aggregate_identifier
                                             and p.sequence_number = e.sequence_number - 1)
                                           then 'its link to the previous event of its aggregate is broken'
                                   end as problem
                        """ + SCOPE + """
                        ) checked where problem is not null order by global_index limit 1""",
                (row, index) -> new Break(row.getLong(1), row.getString(2), AuditTrail.reference(row.getString(3)),
                        row.getLong(4), row.getString(5)),
                scope, scope, partner);
        return new Verification(breaks.isEmpty(), verified, breaks.isEmpty() ? null : breaks.get(0));
    }
}
