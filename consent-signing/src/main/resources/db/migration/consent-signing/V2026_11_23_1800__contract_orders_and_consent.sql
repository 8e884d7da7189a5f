-- Contract orders (kontraktsordre) with Elhub consent control, our order documents and the consent audit trail.

create sequence contract_order_number_seq start with 500001;

create table contract_order (
    id                  bigserial primary key,
    order_number        bigint not null unique,
    channel             text not null check (channel in ('WEB_SHOP', 'SALES_PARTNER', 'CUSTOMER_SERVICE')),
    kind                text not null check (kind in ('SWITCH', 'MOVE_IN')),
    stage               text not null check (stage in ('VALIDATE_AND_ADD', 'ON_HOLD', 'IMPORT', 'FINALIZE')),
    status              text not null check (status in ('IN_PROGRESS', 'WAITING', 'COMPLETED', 'STOPPED', 'CANCELLED')),
    stop_reason         text,
    customer_kind       text not null check (customer_kind in ('PERSON', 'ORGANISATION')),
    national_id         text,
    organisation_number text,
    first_name          text,
    last_name           text,
    organisation_name   text,
    email               text,
    mobile              text,
    street              text,
    postcode            text,
    city                text,
    metering_point_id   text not null,
    product_code        text not null,
    start_date          date not null,
    consent_flow        text not null check (consent_flow in ('DOCUMENT', 'REQUEST', 'NOT_REQUIRED')),
    consent_id          uuid,
    grant_id            text,
    customer_number     bigint,
    contract_number     bigint,
    created_at          timestamptz not null,
    created_by          text not null,
    updated_at          timestamptz not null,
    check ((customer_kind = 'PERSON') = (national_id is not null))
);
create index contract_order_metering_point on contract_order (metering_point_id);

-- Each recorded process execution of an order: step, result, status and coded info messages.
create table contract_order_step (
    id          bigserial primary key,
    order_id    bigint not null references contract_order (id),
    at          timestamptz not null,
    stage       text not null,
    step_code   text not null,
    step_name   text not null,
    category    text not null,
    result      text not null check (result in ('OK', 'SUCCESS', 'ERROR')),
    status      text not null,
    info        jsonb not null default '[]'
);
create index contract_order_step_order on contract_order_step (order_id, id);

create table contract_order_comment (
    id          bigserial primary key,
    order_id    bigint not null references contract_order (id),
    at          timestamptz not null,
    author      text not null,
    text        text not null
);
create index contract_order_comment_order on contract_order_comment (order_id, id);

-- One consent control attempt per order (a restart makes a new one). The row is the durable state of the flow: the
-- driver claims rows whose next attempt is due, makes one call and stores what it learnt, so nothing is held in memory.
create table consent (
    id                      uuid primary key,
    order_id                bigint not null references contract_order (id),
    flow                    text not null check (flow in ('DOCUMENT', 'REQUEST')),
    state                   text not null,
    attempts                int not null default 0,
    next_attempt_at         timestamptz,
    expires_at              timestamptz not null,
    elhub_document_id       text,
    elhub_request_id        text,
    elhub_pdf_sha256        text,
    signicat_document_id    text,
    signicat_session_id     text,
    signature_url           text,
    signicat_result_id      text,
    signed_pdf_sha256       text,
    grant_id                text,
    grant_valid_to          timestamptz,
    outcome_detail          text,
    created_at              timestamptz not null,
    updated_at              timestamptz not null
);
create index consent_due on consent (next_attempt_at) where next_attempt_at is not null;
create index consent_order on consent (order_id);
create unique index consent_session on consent (signicat_session_id) where signicat_session_id is not null;

-- Signicat webhook events already seen (a webhook is only a hint; duplicates are ignored).
create table signicat_event (
    event_id     text primary key,
    session_id   text,
    received_at  timestamptz not null
);

-- Our order confirmation, Elhub's authorization document and the signed document, kept with the order and, once the
-- order is imported, with the customer.
create table order_document (
    id            bigserial primary key,
    order_id      bigint not null references contract_order (id),
    customer_id   bigint,
    kind          text not null check (kind in ('ORDER_CONFIRMATION', 'ELHUB_AUTHORIZATION', 'SIGNED_AUTHORIZATION')),
    file_name     text not null,
    content_type  text not null,
    sha256        text not null,
    content       bytea not null,
    created_at    timestamptz not null
);
create index order_document_order on order_document (order_id);
create index order_document_customer on order_document (customer_id) where customer_id is not null;

-- The consent audit trail: append-only and hash-chained per chain (one chain per order). hash =
-- SHA-256(prev_hash || payload) over the canonical JSON payload; the person is referenced only by a keyed hash
-- (subject_key) kept outside the hashed payload, so erasing it never breaks the chain.
create table consent_event (
    id           bigserial primary key,
    chain        text not null,
    seq          int not null,
    at           timestamptz not null,
    payload      text not null,
    subject_key  text,
    prev_hash    text not null,
    hash         text not null,
    unique (chain, seq)
);

create function consent_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'consent_event is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;
create trigger consent_event_no_update before update or delete on consent_event
    for each row execute function consent_event_append_only();
create trigger consent_event_no_truncate before truncate on consent_event
    for each statement execute function consent_event_append_only();

-- The role production gives the application for the trail: insert and read only (the trigger holds for every role).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'cis_consent_writer') then
        create role cis_consent_writer nologin;
    end if;
    grant select, insert on consent_event to cis_consent_writer;
    grant usage on sequence consent_event_id_seq to cis_consent_writer;
    revoke update, delete, truncate on consent_event from public;
exception when insufficient_privilege then
    raise notice 'role cis_consent_writer not created: %', sqlerrm;
end;
$$;
