-- Customer ledger (reskontro), incoming payments, payment arrangements, payment channels, the Peppol participant list,
-- add-on products, cases (saker) and the contact log.

-- KID look-ups: exact, and the two halves a one-digit typo leaves intact (customer number | invoice number)
create index invoice_kid_idx on invoice (kid);
create index invoice_kid_customer_part_idx on invoice (substring(kid from 1 for 7));
create index invoice_kid_invoice_part_idx on invoice (substring(kid from 8 for 9));
create index invoice_open_amount_idx on invoice (total_amount) where kind = 'INVOICE' and not credited;

-- One imported bank file (OCR giro or camt.054). The same bytes, or the same bank message id, are one file.
create table payment_file (
    id             bigint generated always as identity primary key,
    format         varchar(10)    not null check (format in ('OCR_GIRO', 'CAMT_054')),
    message_id     varchar(100)   not null,
    sha256         varchar(64)    not null unique,
    file_name      varchar(200),
    payment_count  integer        not null,
    total_amount   numeric(14, 2) not null,
    created_at     timestamptz    not null,
    created_by     varchar(100)   not null,
    updated_at     timestamptz    not null,
    updated_by     varchar(100)   not null,
    unique (format, message_id)
);

-- A payment credited to our account. Matched to an invoice (or credit note), or to a customer's account when no
-- document fits; unmatched payments are the manual-matching queue.
create table payment (
    id              bigint generated always as identity primary key,
    payment_file_id bigint         references payment_file (id),
    bank_reference  varchar(100)   not null unique,
    paid_on         date           not null,
    amount          numeric(14, 2) not null,
    kid             varchar(25),
    payer_name      varchar(200),
    payer_account   varchar(34),
    status          varchar(10)    not null check (status in ('MATCHED', 'UNMATCHED')),
    match_rule      varchar(20)    check (match_rule in ('KID', 'AMOUNT_AND_PAYER', 'MANUAL')),
    customer_id     bigint         references customer (id),
    invoice_id      bigint         references invoice (id),
    matched_at      timestamptz,
    matched_by      varchar(100),
    created_at      timestamptz    not null,
    created_by      varchar(100)   not null,
    updated_at      timestamptz    not null,
    updated_by      varchar(100)   not null,
    constraint payment_matched_has_customer check (
        (status = 'MATCHED' and customer_id is not null and match_rule is not null)
        or (status = 'UNMATCHED' and customer_id is null and invoice_id is null and match_rule is null))
);
create index payment_customer_idx on payment (customer_id, paid_on) where customer_id is not null;
create index payment_invoice_idx on payment (invoice_id) where invoice_id is not null;
create index payment_unmatched_idx on payment (paid_on, id) where status = 'UNMATCHED';

-- Accounts a customer has paid from: learnt from matched payments, the payer evidence for a mistyped KID
create table customer_payer_account (
    customer_id   bigint       not null references customer (id),
    account       varchar(34)  not null,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(100) not null,
    primary key (customer_id, account)
);
create index customer_payer_account_idx on customer_payer_account (account);

-- Payment arrangement: an invoice's due date moved once (betalingsutsettelse)
create table invoice_postponement (
    invoice_id        bigint       primary key references invoice (id),
    original_due_date date         not null,
    new_due_date      date         not null,
    reason            varchar(500),
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    constraint postponement_later check (new_due_date > original_due_date)
);

-- An invoice handed over to debt collection (inkasso); it can then no longer be postponed
create table invoice_debt_collection (
    invoice_id    bigint       primary key references invoice (id),
    handed_over_on date        not null,
    agency        varchar(200) not null,
    created_at    timestamptz  not null,
    created_by    varchar(100) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(100) not null
);

-- How a customer receives invoices
create table customer_payment_channel (
    customer_id  bigint       primary key references customer (id),
    channel      varchar(12)  not null check (channel in ('AVTALEGIRO', 'EFAKTURA', 'EMAIL_PDF', 'EHF', 'PAPER')),
    version      bigint       not null,
    created_at   timestamptz  not null,
    created_by   varchar(100) not null,
    updated_at   timestamptz  not null,
    updated_by   varchar(100) not null
);

-- The Peppol participant list as last imported: Norwegian organisation numbers (scheme 0192) that receive EHF
create table peppol_participant (
    organisation_number varchar(9)   primary key,
    participant_id      varchar(100) not null,
    name                varchar(300),
    accepts_invoice     boolean      not null,
    import_id           bigint       not null
);
create table peppol_participant_import (
    id              bigint generated always as identity primary key,
    source          varchar(500)  not null,
    sha256          varchar(64)   not null,
    participants    integer       not null,
    imported_at     timestamptz   not null,
    imported_by     varchar(100)  not null
);

-- Add-on products (tilleggsprodukter) and the customers who have them
create table add_on_product (
    code          varchar(32)    primary key,
    name          varchar(200)   not null,
    description   varchar(1000)  not null,
    monthly_price numeric(10, 2) not null,
    for_kind      varchar(12)    check (for_kind in ('PRIVATE', 'ORGANISATION')),
    available     boolean        not null,
    created_at    timestamptz    not null,
    created_by    varchar(100)   not null,
    updated_at    timestamptz    not null,
    updated_by    varchar(100)   not null
);
insert into add_on_product (code, name, description, monthly_price, for_kind, available, created_at, created_by, updated_at, updated_by) values
    ('STROMVARSEL', 'Strømvarsel', 'SMS when tomorrow''s spot price passes a chosen level', 0.00, null, true, now(), 'flyway', now(), 'flyway'),
    ('OPPRINNELSE', 'Fornybar opprinnelsesgaranti', 'Guarantees of origin for renewable production covering the consumption', 29.00, null, true, now(), 'flyway', now(), 'flyway'),
    ('EL_FORSIKRING', 'Strømforsikring', 'Insurance of electrical installations and appliances', 49.00, 'PRIVATE', true, now(), 'flyway', now(), 'flyway');

create table customer_add_on (
    id          bigint generated always as identity primary key,
    customer_id bigint       not null references customer (id),
    code        varchar(32)  not null references add_on_product (code),
    valid_from  date         not null,
    valid_to    date,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null,
    constraint add_on_no_overlap exclude using gist (
        customer_id with =, code with =, daterange(valid_from, valid_to, '[)') with &&)
);

-- Cases (saker): work orders and enquiries, with owner, deadline, flag and a dialogue
create sequence service_case_number_seq start with 700001 increment by 1;
create table service_case (
    id           bigint generated always as identity primary key,
    case_number  bigint        not null unique,
    customer_id  bigint        references customer (id),
    kind         varchar(12)   not null check (kind in ('ENQUIRY', 'WORK_ORDER', 'COMPLAINT')),
    title        varchar(200)  not null,
    description  varchar(4000) not null,
    status       varchar(12)   not null check (status in ('OPEN', 'IN_PROGRESS', 'WAITING', 'CLOSED')),
    owner        varchar(100),
    deadline     date,
    flagged      boolean       not null,
    origin       varchar(100)  not null,
    version      bigint        not null,
    created_at   timestamptz   not null,
    created_by   varchar(100)  not null,
    updated_at   timestamptz   not null,
    updated_by   varchar(100)  not null
);
create index service_case_owner_idx on service_case (owner, status);
create index service_case_customer_idx on service_case (customer_id);
create index service_case_flagged_idx on service_case (deadline) where flagged;

create table service_case_message (
    id          bigint generated always as identity primary key,
    case_id     bigint        not null references service_case (id),
    author      varchar(100)  not null,
    text        varchar(4000) not null,
    created_at  timestamptz   not null,
    created_by  varchar(100)  not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(100)  not null
);
create index service_case_message_case_idx on service_case_message (case_id, id);

-- Contact log (kontaktlogg): every conversation with a customer, by whom, through which channel
create table contact_log (
    id               bigint generated always as identity primary key,
    customer_id      bigint        not null references customer (id),
    channel          varchar(10)   not null check (channel in ('PHONE', 'CHAT', 'EMAIL', 'LETTER', 'MEETING')),
    summary          varchar(2000) not null,
    transcript_ref   varchar(500),
    created_at       timestamptz   not null,
    created_by       varchar(100)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(100)  not null
);
create index contact_log_customer_idx on contact_log (customer_id, created_at);
