-- AvtaleGiro: the payers' mandates as Nets lists them (mandate files, transaction type 94), keyed by the agreement KID
-- (the customer number and a MOD10 digit: 8 digits, a KID structure of its own beside the invoices' 17), and the
-- claim files we send Nets, each claim one invoice (never claimed twice).
create table avtalegiro_mandate (
    kid           text        primary key,
    customer_id   bigint      references customer (id),
    active        boolean     not null,
    wants_notice  boolean     not null,
    serial        int         not null,
    updated_at    timestamptz not null,
    updated_by    text        not null
);
create index avtalegiro_mandate_customer on avtalegiro_mandate (customer_id) where active;

create table avtalegiro_transmission (
    id            bigint generated always as identity primary key,
    created_at    timestamptz not null,
    created_by    text        not null,
    due_from      date        not null,
    due_to        date        not null,
    claims        int         not null,
    amount_ore    bigint      not null,
    content       bytea       not null   -- the file as sent (ISO-8859-1, 80-character records)
);

create table avtalegiro_claim (
    invoice_id      bigint      primary key references invoice (id),
    transmission_id bigint      not null references avtalegiro_transmission (id),
    kid             text        not null,
    amount_ore      bigint      not null,
    due_date        date        not null,
    notice          boolean     not null
);
create index avtalegiro_claim_kid on avtalegiro_claim (kid, amount_ore);
