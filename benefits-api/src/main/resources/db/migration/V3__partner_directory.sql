-- The partner directory as the write side consults it: written by a subscribing processor in the same
-- transaction as the Partner aggregate's events, so a command never decides on a stale directory.

create table directory_partner (
    partner_id            varchar(128) not null,
    company_name          varchar(255) not null,
    company_account_email varchar(254) not null,
    qualifications        text[]       not null,
    constraint directory_partner_pk primary key (partner_id)
);

create table directory_user (
    partner_id   varchar(128) not null,
    user_id      varchar(128) not null,
    display_name varchar(255) not null,
    email        varchar(254) not null,
    roles        text[]       not null,
    constraint directory_user_pk primary key (partner_id, user_id),
    constraint directory_user_partner_fk foreign key (partner_id) references directory_partner (partner_id)
);
