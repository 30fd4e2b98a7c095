-- A reader that moves past a position must know that no event can still appear below it. Positions are handed out
-- when an event is inserted, not when it commits, so a transaction holding a lower position can commit after a
-- higher one (a 1,000-seat purchase beside a few role changes): a reader that resumes after the highest position it
-- saw would skip it for good. Two facts make the lowest position that may still commit knowable (SafeMark):

-- 1. When each event was inserted, by the database's own clock.
alter table domain_event_entry add column inserted_at timestamp with time zone not null default clock_timestamp();
create index domain_event_entry_inserted_ix on domain_event_entry using brin (inserted_at);

-- 2. A transaction that records events commits within 10 s of its start, or not at all. A missing position whose next
-- recorded event was inserted more than 10 s ago (readers allow 15) was then held by a transaction that has ended
-- without committing it: it stays missing for good.
create function ledger_commit_deadline() returns trigger
    language plpgsql as
$$
begin
    -- a transaction may shorten its own deadline (the tests do), never lengthen it
    if clock_timestamp() > now() + least(interval '10 seconds',
                                         coalesce(nullif(current_setting('ledger.commit_deadline', true), '')::interval,
                                                  interval '10 seconds')) then
        raise exception 'a transaction that records events must commit within its deadline (10 s) of its start; it ran % and was rolled back',
            clock_timestamp() - now() using errcode = 'LD001';
    end if;
    return null;
end
$$;

create constraint trigger domain_event_entry_commit_deadline after insert on domain_event_entry
    deferrable initially deferred for each row execute function ledger_commit_deadline();
