-- A command retried with the same Idempotency-Key returns its first answer. The key is written in the same
-- transaction as the command's events, so either both are recorded or neither is.
create table idempotency_key (
    caller          varchar(300) not null, -- the token's subject and partner: keys are the caller's own
    idempotency_key varchar(128) not null,
    request_hash    varchar(64)  not null,
    status          integer      not null,
    content_type    varchar(100),
    response_body   bytea        not null,
    created_at      timestamp(6) with time zone not null,
    constraint idempotency_key_pk primary key (caller, idempotency_key)
);
