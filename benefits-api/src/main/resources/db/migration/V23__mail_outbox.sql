-- The mails the program promises (api.mail). A mail is decided from an event by the notifications processor and
-- written here in the transaction that advances that processor's token, so it is neither lost nor decided twice; a
-- sender delivers it over SMTP. (event_id, template) is the mail's identity: the same event decided again (a batch
-- retried after a failed commit) inserts nothing.
create table mail_outbox (
    mail_id         bigserial   primary key,
    event_id        text        not null,
    template        text        not null,
    partner_id      text        not null,
    -- what the mail is about: the subscription, the offer or the package (a reminder is cancelled by its offer)
    about           text        not null,
    language        text        not null,
    recipients      text[]      not null,
    subject         text        not null,
    -- personal data: dropped (null) once the mail is delivered or discarded; the audit keeps who was told what, when
    text_body       text,
    html_body       text,
    -- Message-ID header, fixed when decided, so every attempt of one mail carries the same one
    message_id      text        not null,
    decided_at      timestamptz not null,
    -- PENDING (waiting to be sent), SENT, PARKED (failed too often; the operator retries or discards it),
    -- DISCARDED (by the operator), CANCELLED (a reminder whose offer was withdrawn or expired first)
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    sent_at         timestamptz,
    constraint mail_outbox_once unique (event_id, template)
);
create index mail_outbox_due on mail_outbox (next_attempt_at, mail_id) where status = 'PENDING';
create index mail_outbox_by_status on mail_outbox (status, mail_id);
create index mail_outbox_reminders on mail_outbox (partner_id, about) where status = 'PENDING';

-- Who was told what and when, for auditors: each delivery and each final failure (parked, discarded), one row each,
-- never updated. No body: the template, the language and the subject say what the mail said.
create table mail_record (
    record_id   bigserial   primary key,
    mail_id     bigint      not null references mail_outbox (mail_id),
    partner_id  text        not null,
    message_id  text        not null,
    template    text        not null,
    language    text        not null,
    recipients  text[]      not null,
    outcome     text        not null,
    at          timestamptz not null,
    error       text
);
create index mail_record_by_partner on mail_record (partner_id, at desc, record_id desc);
