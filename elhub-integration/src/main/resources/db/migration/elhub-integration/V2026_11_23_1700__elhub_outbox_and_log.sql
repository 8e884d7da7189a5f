-- Elhub integration: sync watermark, known Norgespris contracts, the outbox of commands, the exception queue and the
-- integration log. Written only by the elhub-integration module.

create table elhub_sync_watermark (
    name       text primary key,
    watermark  timestamptz not null,
    updated_at timestamptz not null
);

-- The Norgespris contracts Elhub told us about (sync or answers to our commands): the contract id a cancel needs.
create table elhub_norgespris_contract (
    contract_id    text primary key,
    metering_point text        not null,
    status         text        not null,
    start_date     date        not null,
    end_date       date,
    elhub_updated  timestamptz,
    seen_at        timestamptz not null
);
create index elhub_norgespris_contract_point on elhub_norgespris_contract (metering_point);

-- Outbox: a command is stored in the transaction that decides it, and delivered (and retried) by the relay.
create table elhub_command (
    id              bigint generated always as identity primary key,
    kind            text        not null check (kind in ('ORDER_NORGESPRIS', 'CANCEL_NORGESPRIS')),
    metering_point  text        not null,
    start_date      date,
    status          text        not null check (status in ('PENDING', 'DELIVERED', 'REJECTED', 'EXPIRED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    deadline_at     timestamptz not null,
    created_at      timestamptz not null,
    created_by      text        not null,
    finished_at     timestamptz,
    contract_id     text,
    last_error      text
);
create index elhub_command_due on elhub_command (next_attempt_at) where status = 'PENDING';
create index elhub_command_point on elhub_command (metering_point);

-- Exception queue: what needs a person. Nothing is deleted; an item is closed as RETRIED or RESOLVED.
create table elhub_work_item (
    id             bigint generated always as identity primary key,
    kind           text        not null check (kind in ('REJECTED', 'DATA_CONFLICT', 'NO_ANSWER')),
    metering_point text,
    command_id     bigint references elhub_command (id),
    summary        text        not null,
    request        text,
    response       text,
    status         text        not null check (status in ('OPEN', 'RETRIED', 'RESOLVED')),
    created_at     timestamptz not null,
    closed_at      timestamptz,
    closed_by      text,
    comment        text
);
create index elhub_work_item_open on elhub_work_item (created_at) where status = 'OPEN';
create index elhub_work_item_point on elhub_work_item (metering_point);

-- Integration log: every request and answer, personal data masked, searchable by metering point.
create table elhub_exchange (
    id              bigint generated always as identity primary key,
    at              timestamptz not null,
    channel         text        not null,
    method          text        not null,
    url             text        not null,
    metering_points text[]      not null default '{}',
    status          int,
    duration_ms     int         not null,
    request         text,
    response        text,
    error           text
);
create index elhub_exchange_points on elhub_exchange using gin (metering_points);
create index elhub_exchange_at on elhub_exchange (at);
