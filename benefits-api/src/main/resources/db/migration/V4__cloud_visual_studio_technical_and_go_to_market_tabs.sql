-- Read models of the Cloud, Visual Studio subscriptions, Technical benefits and Go-To-Market tabs.

create table cloud_benefit (
    benefit_id           varchar(160) not null, -- a license-based product: package/product; usage-based: the subscription id
    partner_id           varchar(128) not null,
    package_id           varchar(128) not null,
    kind                 varchar(16)  not null, -- LICENSE_BASED or USAGE_BASED
    name                 varchar(255) not null,
    keys_allocated       integer      not null,
    keys_revealed        integer      not null,
    special_instructions text         not null,
    assigned_user        varchar(128),
    status               varchar(16)  not null,
    opened_at            timestamp(6) with time zone not null,
    activated_at         timestamp(6) with time zone,
    last_event_position  bigint       not null,
    constraint cloud_benefit_pk primary key (benefit_id)
);
create index cloud_benefit_partner_ix on cloud_benefit (partner_id, opened_at);

create table visual_studio_seat (
    subscription_id     varchar(128) not null,
    partner_id          varchar(128) not null,
    package_id          varchar(128) not null,
    name                varchar(255) not null,
    status              varchar(16)  not null,
    assigned_user       varchar(128),
    assigned_at         timestamp(6) with time zone,
    opened_at           timestamp(6) with time zone not null,
    last_event_position bigint       not null,
    constraint visual_studio_seat_pk primary key (subscription_id)
);
create index visual_studio_seat_partner_ix on visual_studio_seat (partner_id, opened_at);

create table technical_benefit (
    subscription_id      varchar(128) not null,
    partner_id           varchar(128) not null,
    package_id           varchar(128) not null,
    name                 varchar(255) not null,
    unit                 varchar(16)  not null,
    quantity             integer      not null,
    drawn                integer      not null,
    status               varchar(16)  not null,
    assigned_user        varchar(128),
    alternative_email    varchar(254),
    pending_since        timestamp(6) with time zone,
    activated_at         timestamp(6) with time zone,
    opened_at            timestamp(6) with time zone not null,
    last_event_position  bigint       not null,
    constraint technical_benefit_pk primary key (subscription_id),
    constraint technical_benefit_drawn_ck check (drawn between 0 and quantity)
);
create index technical_benefit_partner_ix on technical_benefit (partner_id, opened_at);
create index technical_benefit_pending_ix on technical_benefit (pending_since) where status = 'PENDING';

create table gtm_contact (
    partner_id          varchar(128) not null,
    contact_user        varchar(128) not null,
    alternative_email   varchar(254) not null,
    phone               varchar(16)  not null,
    preferred_language  varchar(35)  not null,
    designated_by       varchar(128) not null,
    designated_at       timestamp(6) with time zone not null,
    last_event_position bigint       not null,
    constraint gtm_contact_pk primary key (partner_id)
);

create table gtm_offer (
    partner_id          varchar(128) not null,
    offer_id            varchar(128) not null,
    package_id          varchar(128) not null,
    name                varchar(255) not null,
    status              varchar(16)  not null,
    granted_at          timestamp(6) with time zone not null,
    requested_at        timestamp(6) with time zone,
    activated_at        timestamp(6) with time zone,
    expires_at          timestamp(6) with time zone,
    last_used_at        timestamp(6) with time zone,
    last_event_position bigint       not null,
    constraint gtm_offer_pk primary key (partner_id, offer_id)
);
create index gtm_offer_expiry_ix on gtm_offer (expires_at) where status = 'ACTIVE';
