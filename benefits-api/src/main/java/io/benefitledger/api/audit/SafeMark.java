package io.benefitledger.api.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The highest position below which the history is final: every event at or below it that will ever be recorded is
 * recorded already. Every read ordered by position stops there (the log, the feed, digests, rebuild targets), so a
 * reader that resumes after what it was given never skips an event that committed late, and never sees one twice.
 * <p>
 * A missing position below the head is either still held by a transaction that has not committed yet, or was held by
 * one that rolled back. Migration V16 makes them tell apart: every transaction that records events commits within
 * 10 s of its start or not at all, and each event keeps the database time it was inserted. The transaction holding a
 * missing position started before the next recorded event was inserted; once that insert is older than
 * {@code ledger.audit.settle-after} (longer than the deadline, with a margin for the commit itself), the position can
 * never be filled, and the mark moves past it.
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
     * The safe mark now; 0 while nothing is recorded. Costs the positions since the last event inserted before the
     * settling period that precedes every later one: below it, every missing position is final.
     */
    public long position() {
        return jdbc.queryForObject("""
                with head as (select coalesce(max(global_index), 0) as position from domain_event_entry),
                     recent as (select min(global_index) as low from domain_event_entry
                                where inserted_at > clock_timestamp() - make_interval(secs => ?)),
                     -- the last event inserted before the settling period that is below every one inserted since
                     settled as (select coalesce(max(e.global_index), 0) as position from domain_event_entry e, recent
                                 where e.global_index < recent.low),
                     missing as (select s.position
                                 from head, recent, settled,
                                      generate_series(case when recent.low is null then head.position + 1
                                                           else settled.position + 1 end, head.position) s(position)
                                 where not exists (select 1 from domain_event_entry e where e.global_index = s.position))
                select coalesce(
                    (select min(m.position) - 1 from missing m
                     where (select e.inserted_at from domain_event_entry e where e.global_index > m.position
                            order by e.global_index limit 1) > clock_timestamp() - make_interval(secs => ?)),
                    (select position from head))""", Long.class, settleSeconds, settleSeconds);
    }
}
