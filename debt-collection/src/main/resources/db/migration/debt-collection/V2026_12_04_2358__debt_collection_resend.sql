-- A claim the agency refused, or that was not taken before its deadline, can be made again from the data as it is now
-- (after staff mended what the agency named) and sent with a new idempotency key; what was sent before is kept here.
create table debt_collection_claim_earlier (
    id               bigint generated always as identity primary key,
    claim_id         bigint         not null references debt_collection_claim (id),
    idempotency_key  uuid           not null,
    payload          text           not null,
    status           varchar(10)    not null,
    attempts         integer        not null,
    last_error       varchar(2000),
    replaced_at      timestamptz    not null,
    replaced_by      varchar(100)   not null,
    comment          varchar(2000)  not null
);
create index debt_collection_claim_earlier_claim on debt_collection_claim_earlier (claim_id);
