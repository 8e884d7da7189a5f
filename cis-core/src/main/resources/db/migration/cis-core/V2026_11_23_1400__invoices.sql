-- Invoices (fakturaer) and credit notes (kreditnotaer). An issued document is never changed: a correction credits it
-- in full and issues a new invoice for the same period.

-- One row: the last invoice number used. Taken with a row lock in the transaction that issues the document, so a
-- rolled-back document gives its number back — numbers are unique and without gaps.
create table invoice_number_counter (
    id          integer primary key check (id = 1),
    last_number bigint  not null
);
insert into invoice_number_counter (id, last_number) values (1, 100000);

create table invoice (
    id               bigint generated always as identity primary key,
    invoice_number   bigint        not null unique,
    kind             varchar(12)   not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
    customer_id      bigint        not null references customer (id),
    period_from      date          not null,
    period_to        date          not null,
    issue_date       date          not null,
    due_date         date          not null,
    kid              varchar(25)   not null,
    net_amount       numeric(14, 2) not null,
    vat_amount       numeric(14, 2) not null,
    total_amount     numeric(14, 2) not null,
    -- a credit note names the invoice it cancels; a re-issued invoice names the one it replaces
    credits_invoice_id  bigint     references invoice (id),
    replaces_invoice_id bigint     references invoice (id),
    credited         boolean       not null default false,
    billing_run_id   bigint,
    created_at       timestamptz   not null,
    created_by       varchar(100)  not null,
    updated_at       timestamptz   not null,
    updated_by       varchar(100)  not null,
    constraint invoice_period check (period_to > period_from),
    constraint invoice_totals check (total_amount = net_amount + vat_amount)
);
-- at most one standing invoice per customer and period: re-running a billing run cannot bill twice
create unique index invoice_one_standing on invoice (customer_id, period_from, period_to) where kind = 'INVOICE' and not credited;
create unique index invoice_credited_once on invoice (credits_invoice_id) where credits_invoice_id is not null;
create index invoice_customer_idx on invoice (customer_id, period_from);

create table invoice_line (
    id                bigint generated always as identity primary key,
    invoice_id        bigint         not null references invoice (id),
    line_number       integer        not null,
    metering_point_id bigint         references metering_point (id),
    delivery_id       bigint,
    element_code      varchar(40),
    text              varchar(200)   not null,
    period_from       date           not null,
    period_to         date           not null,
    quantity          numeric(16, 3) not null,
    unit              varchar(10)    not null check (unit in ('KWH', 'DAY', 'MONTH')),
    unit_price        numeric(16, 6) not null,
    net_amount        numeric(14, 2) not null,
    vat_rate          numeric(5, 4)  not null,
    vat_amount        numeric(14, 2) not null,
    created_at        timestamptz    not null,
    created_by        varchar(100)   not null,
    updated_at        timestamptz    not null,
    updated_by        varchar(100)   not null,
    unique (invoice_id, line_number)
);
