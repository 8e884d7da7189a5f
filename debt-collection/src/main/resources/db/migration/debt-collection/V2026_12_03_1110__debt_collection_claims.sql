-- Claims handed over to a debt-collection agency (inkassobyrå): the outbox row is written in the hand-over's own
-- transaction (listener of HandedOverToCollection) with the claim's JSON fixed then, and sent by the relay with retries.

create table debt_collection_claim (
    id                bigint generated always as identity primary key,
    invoice_id        bigint         not null unique references invoice (id),
    -- the agency's Idempotency-Key: the same on every attempt, so a retry after a lost answer never makes a second claim
    idempotency_key   uuid           not null unique,
    agency            varchar(200)   not null,
    payload           text           not null,
    status            varchar(10)    not null check (status in ('PENDING', 'SENT', 'REFUSED', 'FAILED')),
    attempts          integer        not null default 0,
    next_attempt_at   timestamptz    not null,
    deadline_at       timestamptz    not null,
    sent_at           timestamptz,
    agency_reference  varchar(100)   unique,
    last_error        varchar(2000),
    version           integer        not null default 0,
    created_at        timestamptz    not null,
    created_by        varchar(100)   not null,
    updated_at        timestamptz    not null,
    updated_by        varchar(100)   not null
);
create index debt_collection_claim_due_idx on debt_collection_claim (next_attempt_at) where status = 'PENDING';

-- What needs a person: a claim the agency refused, or one it did not take before the deadline
create table debt_collection_work_item (
    id          bigint generated always as identity primary key,
    claim_id    bigint         not null references debt_collection_claim (id),
    kind        varchar(10)    not null check (kind in ('REFUSED', 'DEADLINE')),
    message     varchar(4000)  not null,
    status      varchar(10)    not null check (status in ('OPEN', 'RESOLVED')),
    comment     varchar(2000),
    version     integer        not null default 0,
    created_at  timestamptz    not null,
    created_by  varchar(100)   not null,
    updated_at  timestamptz    not null,
    updated_by  varchar(100)   not null
);
create index debt_collection_work_item_open_idx on debt_collection_work_item (created_at) where status = 'OPEN';

-- A settlement file from the agency (oppgjørsfil), stored as received before it is applied; one per file id
create table debt_collection_settlement (
    id               bigint generated always as identity primary key,
    file_id          varchar(100)   not null unique,
    agency           varchar(200)   not null,
    sha256           varchar(64)    not null,
    content          text           not null,
    status           varchar(10)    not null check (status in ('RECEIVED', 'APPLIED')),
    line_count       integer        not null,
    paid_total       numeric(14, 2) not null,
    written_off      numeric(14, 2),
    payment_file_id  bigint         references payment_file (id),
    applied_at       timestamptz,
    created_at       timestamptz    not null,
    created_by       varchar(100)   not null,
    updated_at       timestamptz    not null,
    updated_by       varchar(100)   not null
);
