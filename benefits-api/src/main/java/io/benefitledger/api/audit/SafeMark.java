package io.benefitledger.api.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;

/**
 * The highest position below which the history is final: every event at or below it that will ever be recorded is
 * recorded already. Every read ordered by position stops there (the log, the feed, digests, rebuild targets), so a
 * reader that resumes after what it was given never skips an event that committed late, and never sees one twice.
 * <p>
 * A missing position below the head is either still held by a transaction that has not committed yet, or was held by
 * one that rolled back. The transaction holding it started before the next recorded event was inserted (positions are
 * handed out in order), and each event keeps the database time it was inserted (migration V16). So the position is
 * final once no transaction that started before that insert is still open: at once, in the usual case, when every
 * open transaction started after it; and at the latest after {@code ledger.audit.settle-after}, since a transaction
 * that records events commits within 10 s of its start or not at all (V16), whatever else keeps transactions open.
 */
@Component
public class SafeMark {

    private final JdbcTemplate jdbc;
    private final double settleSeconds;

    SafeMark(JdbcTemplate jdbc, @Value("${ledger.audit.settle-after}") Duration settleAfter) {
        this.jdbc = jdbc;
        this.settleSeconds = settleAfter.toMillis() / 1000.0;
    }

    /**
     * The safe mark now; 0 while nothing is recorded. Costs the positions since the last event inserted before every
     * transaction that may still be open: below it, every missing position is final.
     */
    public long position() {
        // Read before the events, in a statement of its own: a transaction no longer open here has committed or rolled
        // back before the next statement's snapshot, which therefore sees all it recorded. Only the service's own
        // role records events, and PostgreSQL shows a role its own sessions' transactions.
        Timestamp oldestOpen = jdbc.queryForObject("""
                select coalesce(min(xact_start), clock_timestamp()) from pg_stat_activity
                where backend_type = 'client backend' and xact_start is not null""", Timestamp.class);
        return jdbc.queryForObject("""
                with settled_before as (select greatest(clock_timestamp() - make_interval(secs => ?), ?) as at),
                     head as (select coalesce(max(global_index), 0) as position from domain_event_entry),
                     recent as (select min(global_index) as low from domain_event_entry, settled_before
                                where inserted_at >= settled_before.at),
                     -- the last event inserted before then that is below every one inserted since
                     settled as (select coalesce(max(e.global_index), 0) as position from domain_event_entry e, recent
                                 where e.global_index < recent.low),
                     missing as (select s.position
                                 from head, recent, settled,
                                      generate_series(case when recent.low is null then head.position + 1
                                                           else settled.position + 1 end, head.position) s(position)
                                 where not exists (select 1 from domain_event_entry e where e.global_index = s.position))
                select coalesce(
                    (select min(m.position) - 1 from missing m, settled_before
                     where (select e.inserted_at from domain_event_entry e where e.global_index > m.position
                            order by e.global_index limit 1) >= settled_before.at),
                    (select position from head))""", Long.class, settleSeconds, oldestOpen);
    }
}
