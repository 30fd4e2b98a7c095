package io.benefitledger.query.benefit;

import io.benefitledger.benefit.BenefitKind;
import io.benefitledger.query.ReadSide;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The utilisation report's counts per partner, tab and product, kept up to date with the benefits' rows so the
 * report reads a few rows by key instead of adding up every benefit of the partners on each request. The projection
 * tells what a benefit counted for before and after an event; the differences of a whole batch are written when it
 * commits, in the same transaction as the tab's rows and token.
 * <p>
 * Both segments count the same products of a partner, so each adds to a share of its own ({@code utilisation_share},
 * keyed by the segment too) and the report reads their sum (the view {@code utilisation}): a segment's commit never
 * waits for the other's transaction on a shared row.
 */
@Component
class UtilisationCounts {

    private static final String PENDING = UtilisationCounts.class.getName() + ".pending";
    /** Where Axon's streaming processors keep the segment a batch is handled for (a dead letter's retry has none). */
    private static final String SEGMENT = "Processor[" + ReadSide.GROUP + "]/SegmentId";
    /** A dead letter's retry, outside any segment's batch, adds to a share of its own. */
    private static final int RETRIED = -1;

    private final JdbcTemplate jdbc;

    UtilisationCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private record Key(String partnerId, BenefitKind.Tab category, String product, String unit) {
    }

    /** Two transactions on one share (a segment's claim moving to another node) wait for each other, never deadlock. */
    private static final Comparator<Key> LOCK_ORDER = Comparator.comparing(Key::partnerId).thenComparing(Key::category)
            .thenComparing(Key::product).thenComparing(Key::unit);

    /** A benefit changed from counting as {@code before} to {@code after}; either is null when it counts for nothing. */
    void changed(Allocation before, Allocation after) {
        if (before != null && before.equals(after)) {
            return;
        }
        Map<Key, long[]> pending = pending();
        count(pending, before, -1);
        count(pending, after, 1);
    }

    /** The benefits are being rebuilt: their counts start again from nothing. */
    void clear() {
        jdbc.update("delete from utilisation_share");
    }

    private static void count(Map<Key, long[]> pending, Allocation allocation, int sign) {
        if (allocation != null) {
            long[] delta = pending.computeIfAbsent(new Key(allocation.partnerId(), allocation.category(),
                    allocation.product(), allocation.unit()), key -> new long[3]);
            delta[0] += sign;
            delta[1] += sign * allocation.allocated();
            delta[2] += sign * allocation.used();
        }
    }

    private Map<Key, long[]> pending() {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(PENDING, name -> {
            Map<Key, long[]> pending = new TreeMap<>(LOCK_ORDER);
            Integer segment = batch.getResource(SEGMENT);
            batch.onPrepareCommit(committing -> write(segment == null ? RETRIED : segment, pending));
            return pending;
        });
    }

    private void write(int segment, Map<Key, long[]> pending) {
        List<Object[]> rows = new ArrayList<>();
        pending.forEach((key, delta) -> {
            if (delta[0] != 0 || delta[1] != 0 || delta[2] != 0) {
                rows.add(new Object[]{key.partnerId(), key.category().name(), key.product(), key.unit(), segment,
                        delta[0], delta[1], delta[2]});
            }
        });
        jdbc.batchUpdate("""
                insert into utilisation_share as counted (partner_id, category, product, unit, segment, benefits,
                                                          allocated, used)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (partner_id, category, product, unit, segment) do update
                set benefits = counted.benefits + excluded.benefits, allocated = counted.allocated + excluded.allocated,
                    used = counted.used + excluded.used""", rows);
    }
}
