-- Instalment plans (avdragsordning): a customer's overdue invoices split into monthly instalments, each with its own
-- KID; who may get one is a dated rule row. And write-offs (avskrivning, credit loss) of what a debt-collection agency
-- could not collect.

-- Who may get an instalment plan, by date [valid_from, valid_to)
create table instalment_plan_rule (
    id                     bigint generated always as identity primary key,
    valid_from             date           not null,
    valid_to               date,
    max_instalments        integer        not null check (max_instalments >= 2),
    min_instalment_amount  numeric(14, 2) not null check (min_instalment_amount > 0),
    max_amount             numeric(14, 2) not null check (max_amount > 0),
    first_due_days         integer        not null check (first_due_days >= 0),
    grace_days             integer        not null check (grace_days >= 0),
    default_block_months   integer        not null check (default_block_months >= 0),
    created_at             timestamptz    not null,
    created_by             varchar(100)   not null,
    updated_at             timestamptz    not null,
    updated_by             varchar(100)   not null,
    constraint instalment_plan_rule_period check (valid_to is null or valid_to > valid_from),
    constraint instalment_plan_rule_no_overlap exclude using gist (
        daterange(valid_from, valid_to, '[)') with &&)
);

-- Seed: up to 6 monthly instalments of at least 200.00, at most 30 000.00 in all; the first due 14 days after the plan
-- is made; an instalment unpaid 14 days after its due date defaults the plan; no new plan within 12 months of a default.
insert into instalment_plan_rule (valid_from, max_instalments, min_instalment_amount, max_amount, first_due_days, grace_days,
        default_block_months, created_at, created_by, updated_at, updated_by)
values ('2000-01-01', 6, 200.00, 30000.00, 14, 14, 12, now(), 'migration', now(), 'migration');

create table instalment_plan (
    id            bigint generated always as identity primary key,
    customer_id   bigint         not null references customer (id),
    status        varchar(10)    not null check (status in ('ACTIVE', 'COMPLETED', 'DEFAULTED', 'CANCELLED')),
    amount        numeric(14, 2) not null check (amount > 0),
    agreed_on     date           not null,
    ended_on      date,
    end_reason    varchar(500),
    rule_id       bigint         not null references instalment_plan_rule (id),
    version       integer        not null default 0,
    created_at    timestamptz    not null,
    created_by    varchar(100)   not null,
    updated_at    timestamptz    not null,
    updated_by    varchar(100)   not null
);
-- at most one active plan per customer, even with two agents at once
create unique index instalment_plan_one_active_idx on instalment_plan (customer_id) where status = 'ACTIVE';
create index instalment_plan_customer_idx on instalment_plan (customer_id, agreed_on);

-- The invoices a plan covers, with the amount open on each when the plan was made
create table instalment_plan_invoice (
    plan_id     bigint         not null references instalment_plan (id),
    invoice_id  bigint         not null references invoice (id),
    amount      numeric(14, 2) not null check (amount > 0),
    primary key (plan_id, invoice_id)
);
create index instalment_plan_invoice_invoice_idx on instalment_plan_invoice (invoice_id);

create table instalment (
    plan_id     bigint         not null references instalment_plan (id),
    seq         integer        not null check (seq >= 1),
    due_date    date           not null,
    amount      numeric(14, 2) not null check (amount > 0),
    kid         varchar(25)    not null unique,
    primary key (plan_id, seq)
);

-- What is given up on an invoice: the part a debt-collection agency closed as not collectable (credit loss)
create table invoice_write_off (
    id              bigint generated always as identity primary key,
    invoice_id      bigint         not null references invoice (id),
    amount          numeric(14, 2) not null check (amount > 0),
    written_off_on  date           not null,
    reason          varchar(500)   not null,
    source          varchar(100)   not null,
    created_at      timestamptz    not null,
    created_by      varchar(100)   not null,
    updated_at      timestamptz    not null,
    updated_by      varchar(100)   not null,
    unique (invoice_id, source)
);
create index invoice_write_off_day_idx on invoice_write_off (written_off_on);

-- Payments paid out by a debt-collection agency arrive as a settlement file of their own
alter table payment_file drop constraint payment_file_format_check;
alter table payment_file alter column format type varchar(25);
alter table payment_file add constraint payment_file_format_check check (format in ('OCR_GIRO', 'CAMT_054', 'COLLECTION_SETTLEMENT'));
