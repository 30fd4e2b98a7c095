-- The Software, Cloud, Visual Studio and Technical tabs become filtered reads of one read model, kept by one
-- projection that every event reaches once (BenefitsProjection): a row per benefit, its kind naming the tab. All
-- read models now run in one processing group, "read-models"; its first run replays the history once (the rows
-- copied here make the tabs readable meanwhile, and the replay skips what a row has already seen).
create table benefit (
    partner_id           varchar(128) not null,
    benefit_id           varchar(255) not null, -- <package>:<allocation>, and :<seat> for a seat
    package_id           varchar(128) not null,
    allocation_id        varchar(128),          -- a licensed product's id
    kind                 varchar(32)  not null, -- BenefitKind
    tab                  varchar(32)  not null, -- BenefitKind.Tab
    package_type         varchar(255),
    name                 varchar(255) not null,
    unit                 varchar(16)  not null,
    quantity             integer      not null,
    used                 integer      not null, -- keys revealed, incidents or hours drawn, a seat assigned (1)
    languages            text[],
    operating_systems    text[],
    special_instructions text,
    status               varchar(16)  not null,
    assigned_user        varchar(128),
    alternative_email    varchar(254),
    assigned_at          timestamp(6) with time zone,
    pending_since        timestamp(6) with time zone,
    activated_at         timestamp(6) with time zone,
    last_revealed_at     timestamp(6) with time zone,
    last_revealed_by     varchar(128),
    opened_at            timestamp(6) with time zone not null,
    last_event_sequence  bigint       not null,
    constraint benefit_pk primary key (partner_id, benefit_id),
    constraint benefit_used_ck check (used between 0 and quantity)
);
-- A tab reads a page of one partner's rows of its tab in a fixed order; the status answers the Visual Studio tab's
-- count of assigned seats from the index.
create index benefit_tab_ix on benefit (partner_id, tab, opened_at, benefit_id) include (status);
-- A batch's rows are read by its aggregates' ids: packages (their licensed products) and subscriptions (BatchRows).
create index benefit_package_ix on benefit (package_id);
create index benefit_id_ix on benefit (benefit_id);
create index benefit_pending_ix on benefit (pending_since) where status = 'PENDING';

insert into benefit (partner_id, benefit_id, package_id, allocation_id, kind, tab, package_type, name, unit, quantity,
                     used, languages, operating_systems, special_instructions, status, activated_at, last_revealed_at,
                     last_revealed_by, opened_at, last_event_sequence)
select partner_id, package_id || ':' || product_id, package_id, product_id, 'SOFTWARE', 'SOFTWARE', package_type,
       product_name, 'KEY', keys_allocated, keys_revealed, languages, operating_systems, special_instructions, status,
       null, last_revealed_at, last_revealed_by, purchased_at, last_event_sequence
from software_benefit;

insert into benefit (partner_id, benefit_id, package_id, allocation_id, kind, tab, name, unit, quantity, used,
                     special_instructions, status, assigned_user, activated_at, opened_at, last_event_sequence)
select partner_id, replace(benefit_id, '/', ':'), package_id,
       case kind when 'LICENSE_BASED' then split_part(benefit_id, '/', 2) end,
       case kind when 'LICENSE_BASED' then 'CLOUD_LICENSE' else 'AZURE_USAGE' end, 'CLOUD', name,
       case kind when 'LICENSE_BASED' then 'KEY' else 'SUBSCRIPTION' end,
       case kind when 'LICENSE_BASED' then keys_allocated else 1 end,
       case kind when 'LICENSE_BASED' then keys_revealed else case when assigned_user is null then 0 else 1 end end,
       special_instructions, status, assigned_user, activated_at, opened_at, last_event_sequence
from cloud_benefit;

insert into benefit (partner_id, benefit_id, package_id, allocation_id, kind, tab, name, unit, quantity, used, status,
                     assigned_user, assigned_at, activated_at, opened_at, last_event_sequence)
select partner_id, subscription_id, package_id, null, 'VISUAL_STUDIO', 'VISUAL_STUDIO',
       name, 'SEAT', 1, case when assigned_user is null then 0 else 1 end, status, assigned_user, assigned_at,
       assigned_at, opened_at, last_event_sequence
from visual_studio_seat;

insert into benefit (partner_id, benefit_id, package_id, allocation_id, kind, tab, name, unit, quantity, used, status,
                     assigned_user, alternative_email, pending_since, activated_at, opened_at, last_event_sequence)
select partner_id, subscription_id, package_id, null, 'TECHNICAL', 'TECHNICAL', name,
       unit, quantity, drawn, status, assigned_user, alternative_email, pending_since, activated_at, opened_at,
       last_event_sequence
from technical_benefit;

drop table software_benefit, cloud_benefit, visual_studio_seat, technical_benefit;

-- One processing group replaces six. The old groups' tokens and dead letters go: the new group handles every event
-- from the first, and parks again any that still fails.
delete from dead_letter_entry
where processing_group in ('software-tab', 'cloud-tab', 'visual-studio-tab', 'technical-tab', 'go-to-market-tab',
                           'refund-eligibility');
delete from token_entry
where processor_name in ('software-tab', 'cloud-tab', 'visual-studio-tab', 'technical-tab', 'go-to-market-tab',
                         'refund-eligibility');
