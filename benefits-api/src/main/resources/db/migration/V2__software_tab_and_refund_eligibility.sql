-- Read models live beside the event store so that a projection's rows and its token commit in one transaction.

create table software_benefit (
    package_id           varchar(128) not null,
    product_id           varchar(128) not null,
    partner_id           varchar(128) not null,
    package_type         varchar(255) not null,
    product_name         varchar(255) not null,
    languages            text[]       not null,
    operating_systems    text[]       not null,
    special_instructions text         not null,
    keys_allocated       integer      not null,
    keys_revealed        integer      not null,
    status               varchar(16)  not null,
    purchased_at         timestamp(6) with time zone not null,
    last_revealed_at     timestamp(6) with time zone,
    last_revealed_by     varchar(128),
    last_event_position  bigint       not null,
    constraint software_benefit_pk primary key (package_id, product_id),
    constraint software_benefit_keys_ck check (keys_revealed between 0 and keys_allocated)
);
create index software_benefit_partner_ix on software_benefit (partner_id, purchased_at);

create table refund_eligibility (
    package_id              varchar(128) not null,
    partner_id              varchar(128) not null,
    deadline                timestamp(6) with time zone not null,
    software_activated      boolean      not null,
    cancelled               boolean      not null,
    purchase_event_id       varchar(255) not null,
    purchase_event_type     varchar(255) not null,
    purchased_at            timestamp(6) with time zone not null,
    purchase_position       bigint       not null,
    cancellation_event_id   varchar(255),
    cancellation_event_type varchar(255),
    cancelled_at            timestamp(6) with time zone,
    cancellation_position   bigint,
    last_event_position     bigint       not null,
    constraint refund_eligibility_pk primary key (package_id)
);
create index refund_eligibility_partner_ix on refund_eligibility (partner_id);
-- "Packages still refundable": not activated, not cancelled, deadline ahead.
create index refund_eligibility_refundable_ix on refund_eligibility (deadline)
    where not software_activated and not cancelled;

create table refund_activation (
    package_id      varchar(128) not null,
    event_id        varchar(255) not null,
    event_type      varchar(255) not null,
    at              timestamp(6) with time zone not null,
    global_position bigint       not null,
    constraint refund_activation_package_fk foreign key (package_id) references refund_eligibility (package_id)
);
create index refund_activation_package_ix on refund_activation (package_id);
