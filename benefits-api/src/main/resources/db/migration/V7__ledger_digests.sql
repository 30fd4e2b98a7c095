-- Digests commit to every hash chain at once: a Merkle root over the head hash of each aggregate's chain up to a
-- global position. Kept apart from the chains (and meant to be copied out of the database), so that rewriting an
-- event together with its hashes still disagrees with an earlier digest.
create sequence ledger_digest_seq start with 1 increment by 1;

create table ledger_digest (
    digest_id       bigint       not null default nextval('ledger_digest_seq'),
    covers_position bigint       not null,
    chains          integer      not null,
    merkle_root     bytea        not null,
    created_at      timestamp(6) with time zone not null,
    constraint ledger_digest_pk primary key (digest_id)
);
