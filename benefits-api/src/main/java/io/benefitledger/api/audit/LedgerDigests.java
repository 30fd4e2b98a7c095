package io.benefitledger.api.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Periodic digests of the whole ledger: the Merkle root over every aggregate's chain head up to a position. A
 * digest taken earlier proves the history up to its position unchanged, even against someone who rewrote an event
 * and recomputed its aggregate's chain.
 */
@Component
public class LedgerDigests {

    public record Digest(long id, long coversPosition, int chains, String merkleRoot, Instant createdAt) {
    }

    /** Whether the chains up to a digest's position still give its root. */
    public record DigestVerification(Digest digest, String recomputedRoot, boolean matches) {
    }

    private final JdbcTemplate jdbc;
    private final SafeMark safeMark;
    private final Clock clock;

    LedgerDigests(JdbcTemplate jdbc, SafeMark safeMark, Clock clock) {
        this.jdbc = jdbc;
        this.safeMark = safeMark;
        this.clock = clock;
    }

    /**
     * Takes a digest of the history up to the safe position: below it nothing can still be recorded, so the digest
     * verifies for as long as nothing is altered (the highest position would not do: an event at a lower one may
     * still commit after it and change a chain's head). Nothing is taken while nothing is recorded.
     */
    @Scheduled(fixedDelayString = "${ledger.audit.digest-interval}", initialDelayString = "${ledger.audit.digest-interval}")
    public Optional<Digest> take() {
        long head = safeMark.position();
        if (head == 0) {
            return Optional.empty();
        }
        List<byte[]> leaves = leaves(head);
        byte[] root = merkleRoot(leaves);
        Instant now = clock.instant();
        Long id = jdbc.queryForObject("""
                insert into ledger_digest (covers_position, chains, merkle_root, created_at) values (?, ?, ?, ?)
                returning digest_id""", Long.class, head, leaves.size(), root, Timestamp.from(now));
        return Optional.of(new Digest(id, head, leaves.size(), HexFormat.of().formatHex(root), now));
    }

    public List<Digest> all() {
        return jdbc.query("select digest_id, covers_position, chains, merkle_root, created_at from ledger_digest order by digest_id",
                (row, index) -> new Digest(row.getLong(1), row.getLong(2), row.getInt(3),
                        HexFormat.of().formatHex(row.getBytes(4)), row.getTimestamp(5).toInstant()));
    }

    public Optional<DigestVerification> verify(long digestId) {
        return all().stream().filter(digest -> digest.id() == digestId).findFirst().map(digest -> {
            String recomputed = HexFormat.of().formatHex(merkleRoot(leaves(digest.coversPosition())));
            return new DigestVerification(digest, recomputed, recomputed.equals(digest.merkleRoot()));
        });
    }

    /** One leaf per aggregate, in aggregate order: sha256(aggregate id ‖ hash of its last event up to the position). */
    private List<byte[]> leaves(long position) {
        return jdbc.query("""
                        select distinct on (aggregate_identifier) aggregate_identifier, hash from event_hash
                        where global_index <= ? order by aggregate_identifier, sequence_number desc""",
                (row, index) -> sha256(concat(row.getString(1).getBytes(StandardCharsets.UTF_8), row.getBytes(2))),
                position);
    }

    static byte[] merkleRoot(List<byte[]> leaves) {
        if (leaves.isEmpty()) {
            return sha256(new byte[0]);
        }
        List<byte[]> level = leaves;
        while (level.size() > 1) {
            List<byte[]> next = new ArrayList<>();
            for (int i = 0; i < level.size(); i += 2) {
                // an odd node out is paired with itself
                next.add(sha256(concat(level.get(i), level.get(Math.min(i + 1, level.size() - 1)))));
            }
            level = next;
        }
        return level.get(0);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
