-- Tamper evidence. Every event is hashed, in the transaction that stores it, into a chain per aggregate:
-- hash = sha256(previous hash of the aggregate || sha256 of each stored field). Editing, removing or reordering an
-- event breaks its aggregate's chain from that event on; ledger_verify_chain finds the first break.

create table event_hash (
    global_index         bigint       not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    previous_hash        bytea        not null,
    hash                 bytea        not null,
    constraint event_hash_pk primary key (global_index),
    constraint event_hash_aggregate_sequence_uk unique (aggregate_identifier, sequence_number)
);

create function ledger_event_hash(previous bytea, e domain_event_entry) returns bytea
    language sql immutable as
$$
select sha256(previous
              || sha256(convert_to(e.event_identifier, 'UTF8'))
              || sha256(convert_to(e.aggregate_identifier, 'UTF8'))
              || sha256(convert_to(e.sequence_number::text, 'UTF8'))
              || sha256(convert_to(coalesce(e.type, ''), 'UTF8'))
              || sha256(convert_to(e.time_stamp, 'UTF8'))
              || sha256(convert_to(e.payload_type, 'UTF8'))
              || sha256(convert_to(coalesce(e.payload_revision, ''), 'UTF8'))
              || sha256(e.payload)
              || sha256(coalesce(e.meta_data, ''::bytea)))
$$;

create function ledger_chain_event() returns trigger
    language plpgsql as
$$
declare
    previous bytea;
begin
    if new.sequence_number = 0 then
        previous := '\x'::bytea;
    else
        select hash into previous from event_hash
        where aggregate_identifier = new.aggregate_identifier and sequence_number = new.sequence_number - 1;
        if previous is null then
            raise exception 'event % of % has no predecessor in the hash chain', new.sequence_number, new.aggregate_identifier;
        end if;
    end if;
    insert into event_hash (global_index, aggregate_identifier, sequence_number, previous_hash, hash)
    values (new.global_index, new.aggregate_identifier, new.sequence_number, previous, ledger_event_hash(previous, new));
    return new;
end
$$;

create trigger domain_event_entry_chain after insert on domain_event_entry
    for each row execute function ledger_chain_event();

-- Events stored before this migration join the chain now, in order.
do
$$
declare
    e domain_event_entry;
    previous bytea;
begin
    for e in select * from domain_event_entry order by aggregate_identifier, sequence_number loop
        if e.sequence_number = 0 then
            previous := '\x'::bytea;
        end if;
        insert into event_hash values (e.global_index, e.aggregate_identifier, e.sequence_number, previous,
                                       ledger_event_hash(previous, e));
        previous := ledger_event_hash(previous, e);
    end loop;
end
$$;
