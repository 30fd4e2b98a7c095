-- Refused commands, for auditors: who was refused what, when, through which request, and why (the problem type and
-- status). Kept apart from the domain events (a refusal changed nothing, so it is no event of any aggregate) and
-- written in a transaction of its own, after the command's own was rolled back. Never the request body: it may hold
-- secrets or hostile text.
create sequence command_refusal_seq start with 1 increment by 1;

create table command_refusal (
    refusal_id     bigint       not null default nextval('command_refusal_seq'),
    -- the partner whose path the command named; null for commands that name none (registering a partner, operations)
    partner_id     varchar(128),
    refused_at     timestamp(6) with time zone not null,
    acting_user    varchar(128),
    acting_partner varchar(128),
    method         varchar(10)  not null,
    -- the endpoint's path template (/partners/{partnerId}/packages/{packageId}/cancellation); the raw request path
    -- only when the command was refused before an endpoint was chosen (a body too large)
    path           varchar(300) not null,
    -- the partner's own id of the aggregate the command named, if it named one
    aggregate_id   varchar(300),
    request_id     varchar(64),
    status         integer      not null,
    problem_type   varchar(300),
    constraint command_refusal_pk primary key (refusal_id)
);

-- An auditor reads a partner's refusals newest first.
create index command_refusal_partner_ix on command_refusal (partner_id, refused_at desc, refusal_id desc);
