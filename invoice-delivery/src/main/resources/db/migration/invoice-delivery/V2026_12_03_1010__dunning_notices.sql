-- The dunning job's notices (cis-core's DunningNotices port): a durable outbox, one send per dunning event, stored in
-- the job's chunk transaction and sent after it once, with retries; the PDF of a written notice kept as sent. What the
-- notice says is the dunning event's (amount, fee, deadline, interest) and the invoice's (KID, due date): not copied.
create table dunning_notice_send (
    id                bigint generated always as identity primary key,
    dunning_event_id  bigint         not null unique references dunning_event (id),
    invoice_id        bigint         not null references invoice (id),
    channel           varchar(10)    not null check (channel in ('EMAIL', 'SMS', 'PAPER')),
    status            varchar(10)    not null check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts          integer        not null default 0,
    next_attempt_at   timestamptz    not null,
    deadline_at       timestamptz    not null,
    last_error        varchar(600),
    sent_at           timestamptz,
    document          bytea,
    created_at        timestamptz    not null
);
create index dunning_notice_send_due on dunning_notice_send (next_attempt_at, id) where status = 'PENDING';
create index dunning_notice_send_invoice on dunning_notice_send (invoice_id);
