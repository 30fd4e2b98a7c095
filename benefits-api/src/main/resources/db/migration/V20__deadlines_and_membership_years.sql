-- Deadlines waiting for their instant (DeadlineTable): a command to send once the instant has passed. A row is
-- claimed with "for update skip locked" and deleted in the transaction that records the deadline's event, so each
-- is recorded once however many nodes run.
create table deadline (
    deadline_id  bigserial primary key,
    due_at       timestamptz not null,
    command_type text        not null,
    command      jsonb       not null,
    attempts     integer     not null default 0,
    -- after a failed attempt: when to try again (the command still carries the deadline's own instant)
    retry_at     timestamptz,
    last_error   text
);
create index deadline_next on deadline ((coalesce(retry_at, due_at)), deadline_id);

-- Offers activated before expiry was recorded: their expiry is scheduled now, and recorded at the expiry itself
-- (at once, for one already past). An offer withdrawn or activated anew since records nothing (GtmOffer).
insert into deadline (due_at, command_type, command)
select (payload ->> 'expiresAt')::timestamptz, 'io.benefitledger.offer.ExpireOffer',
       jsonb_build_object('partnerId', payload -> 'partnerId', 'offerId', payload -> 'offerId',
                          'expiresAt', payload -> 'expiresAt')
from (select convert_from(payload, 'UTF8')::jsonb as payload
      from domain_event_entry where payload_type = 'io.benefitledger.offer.OfferActivated') activated;

-- The membership years a purchase may renew, kept in the transaction that records them (MembershipYearTables).
create table membership_year (
    partner_id           text        not null,
    package_id           text        not null,
    offering             text        not null,
    renewal_window_opens timestamptz not null,
    anniversary          timestamptz not null,
    grace_ends           timestamptz not null,
    renewed_by           text,
    -- refunded or expired: no longer renewable
    closed               boolean     not null default false,
    primary key (partner_id, package_id)
);
create index membership_year_renewable on membership_year (partner_id, offering, anniversary)
    where renewed_by is null and not closed;

-- The read side's view of each package's year: the tabs' dates and the upcoming-changes report.
create table package_year (
    partner_id           text        not null,
    package_id           text        not null,
    offering             text        not null,
    year_start           timestamptz not null,
    renewal_window_opens timestamptz not null,
    anniversary          timestamptz not null,
    grace_ends           timestamptz not null,
    renewal_of           text,
    renewed_by           text,
    -- RUNNING, RENEWAL_OPEN, IN_GRACE, RENEWED, EXPIRED, REVOKED
    status               text        not null,
    last_event_sequence  bigint      not null,
    primary key (partner_id, package_id)
);
create index package_year_by_partner on package_year (partner_id, anniversary);
