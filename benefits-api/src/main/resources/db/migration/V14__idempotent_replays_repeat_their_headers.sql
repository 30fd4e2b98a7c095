-- A replayed answer repeats the headers a client acts on as well as the body: the ETag to send as If-Match with the
-- next command, and the Location of what a purchase created.
alter table idempotency_key
    add column etag     varchar(64),
    add column location text;
