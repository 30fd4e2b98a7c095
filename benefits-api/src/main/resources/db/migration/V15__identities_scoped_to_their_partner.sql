-- Identities are scoped to their partner: a package, subscription or offer set is stored as <partner>/<its id>
-- (AggregateId), the Partner aggregate as <partner>. Two partners may so use the same ids, and each read model row is
-- keyed by its partner too.

-- A store written before this change names its aggregates without their partner; reading it as if it were scoped
-- would mix partners' histories. It is refused here rather than misread (README, "Identities").
do
$$
begin
    if exists (select 1 from domain_event_entry
               where type in ('BenefitPackage', 'Subscription', 'GtmOffer') and aggregate_identifier not like '%/%') then
        raise exception 'this event store names packages, subscriptions or offers without their partner; '
                        'it was written before identities were scoped to partners: see the README, "Identities"';
    end if;
end
$$;

-- A partner id and a local id are 128 characters each at most: with the slash, 257.
alter table domain_event_entry alter column aggregate_identifier type varchar(300);
alter table snapshot_event_entry alter column aggregate_identifier type varchar(300);
alter table event_hash alter column aggregate_identifier type varchar(300);
alter table audit_checkpoint alter column aggregate_identifier type varchar(300);
alter table dead_letter_entry alter column aggregate_identifier type varchar(300);
alter table dead_letter_entry alter column sequence_identifier type varchar(300);

-- Which partner an event belongs to, written with the event itself (the part of its aggregate's identifier before
-- the first slash), so an audit read finds a partner's events by index, at the cost of that partner's history alone,
-- and never reads, let alone parses, another partner's payloads.
alter table domain_event_entry
    add column partner_id varchar(128) generated always as (split_part(aggregate_identifier, '/', 1)) stored;
create index domain_event_entry_partner_ix on domain_event_entry (partner_id, global_index);

-- Read model rows are keyed by their partner too; the partner's own id comes first, as the projections look rows up
-- by the ids a batch's events name.
alter table software_benefit drop constraint software_benefit_pk,
    add constraint software_benefit_pk primary key (package_id, product_id, partner_id);
alter table refund_eligibility drop constraint refund_eligibility_pk,
    add constraint refund_eligibility_pk primary key (package_id, partner_id);
alter table cloud_benefit drop constraint cloud_benefit_pk,
    add constraint cloud_benefit_pk primary key (benefit_id, partner_id);
alter table visual_studio_seat drop constraint visual_studio_seat_pk,
    add constraint visual_studio_seat_pk primary key (subscription_id, partner_id);
alter table technical_benefit drop constraint technical_benefit_pk,
    add constraint technical_benefit_pk primary key (subscription_id, partner_id);
