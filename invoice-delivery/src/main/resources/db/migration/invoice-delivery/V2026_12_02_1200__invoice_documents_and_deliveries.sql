-- Invoice documents: made once per invoice and format, stored as they were sent, never changed (a correction is a
-- credit note with documents of its own). The trigger refuses any update or delete.
create table invoice_document (
    id          bigint generated always as identity primary key,
    invoice_id  bigint      not null references invoice (id),
    format      text        not null check (format in ('PDF', 'EHF')),
    content     bytea       not null,
    sha256      text        not null,
    created_at  timestamptz not null,
    unique (invoice_id, format)
);

create function invoice_document_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'invoice documents are immutable (% of invoice document %)', tg_op, old.id;
end $$;
create trigger invoice_document_immutable before update or delete on invoice_document
    for each row execute function invoice_document_immutable();

-- The delivery of an invoice: one per invoice, through the channels in the order planned; every step is an event.
create table invoice_delivery (
    id          bigint generated always as identity primary key,
    invoice_id  bigint      not null unique references invoice (id),
    plan        text[]      not null,             -- e.g. {EMAIL,SMS,PAPER}: the chosen channel first, then the fallbacks
    step        int         not null default 0,   -- index into plan of the channel in use
    status      text        not null check (status in ('PENDING', 'SENT', 'OPENED', 'DELIVERED', 'FAILED')),
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

create table invoice_delivery_event (
    id          bigint generated always as identity primary key,
    delivery_id bigint      not null references invoice_delivery (id),
    at          timestamptz not null,
    channel     text        not null,
    kind        text        not null,   -- QUEUED, SENT, OPENED, BOUNCED, NOT_OPENED, FAILED, RETRY, FALLBACK, ...
    detail      text
);
create index invoice_delivery_event_delivery on invoice_delivery_event (delivery_id, id);

-- The outbox of the deliveries: one send per delivery and step (so a retry, or a restart, never sends twice: a step
-- that is DONE is not sent again); retried with backoff until its deadline, then FAILED (the delivery work queue).
create table invoice_delivery_send (
    id              bigint generated always as identity primary key,
    delivery_id     bigint      not null references invoice_delivery (id),
    step            int         not null,
    channel         text        not null,
    status          text        not null check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    deadline_at     timestamptz not null,
    message_id      text        not null unique,   -- our id for the message: the Message-ID of an e-mail
    last_error      text,
    unique (delivery_id, step)
);
create index invoice_delivery_send_due on invoice_delivery_send (next_attempt_at) where status = 'PENDING';
