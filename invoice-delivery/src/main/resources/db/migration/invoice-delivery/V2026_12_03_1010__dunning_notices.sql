-- The dunning job's notices (cis-core's DunningNotices port): a durable outbox, one send per dunning event, stored in
-- the job's chunk transaction and sent after it once, with retries; the PDF of a written notice kept as sent.
create table dunning_notice_send (
    id                bigint generated always as identity primary key,
    dunning_event_id  bigint         not null unique references dunning_event (id),
    invoice_id        bigint         not null references invoice (id),
    invoice_number    bigint         not null,
    kind              varchar(20)    not null check (kind in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL')),
    channel           varchar(10)    not null check (channel in ('EMAIL', 'SMS', 'PAPER')),
    notice_day        date           not null,
    kid               varchar(25)    not null,
    due_date          date           not null,
    amount            numeric(14, 2) not null,
    fee               numeric(14, 2) not null,
    interest          numeric(14, 2),
    interest_charged  boolean        not null,
    interest_note     varchar(300),
    deadline          date,
    to_pay            numeric(14, 2) not null,
    status            varchar(10)    not null check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts          integer        not null default 0,
    next_attempt_at   timestamptz    not null,
    deadline_at       timestamptz    not null,
    message_id        varchar(100)   not null unique,
    last_error        varchar(600),
    sent_at           timestamptz,
    document          bytea,
    created_at        timestamptz    not null
);
create index dunning_notice_send_due on dunning_notice_send (next_attempt_at, id) where status = 'PENDING';
create index dunning_notice_send_invoice on dunning_notice_send (invoice_id);
