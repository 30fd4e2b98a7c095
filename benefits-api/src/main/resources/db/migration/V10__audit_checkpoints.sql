-- Time travel's starting points: an aggregate's state after every Nth event (ledger.audit.checkpoint-every), kept for
-- good, unlike Axon's snapshots of which only the latest is kept. An instant anywhere in a long history is then at
-- most N events from a starting point. Derived from the events and written by time travel as it replays them.
create table audit_checkpoint (
    aggregate_identifier varchar(255)             not null,
    sequence_number      bigint                   not null,
    last_event_at        timestamp with time zone not null,
    payload_type         varchar(255)             not null,
    payload              bytea                    not null,
    constraint audit_checkpoint_pk primary key (aggregate_identifier, sequence_number)
);
