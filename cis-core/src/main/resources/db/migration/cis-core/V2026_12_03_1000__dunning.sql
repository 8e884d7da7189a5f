-- Issue 20, the dunning process as a nightly job: the fees and interest it charges (a ledger item payable by the
-- invoice's KID), the steps it takes on each invoice (dunning events), staff holds, a run log, and the link from a
-- complaint case to the invoice it disputes.

-- Charges on an invoice (ledger): a reminder fee or late-payment interest the dunning process charged. Part of what
-- the invoice's KID pays and of the customer's balance; never changed (a waiver would be a new negative row).
create table invoice_charge (
    id           bigint generated always as identity primary key,
    invoice_id   bigint         not null references invoice (id),
    kind         varchar(20)    not null check (kind in ('REMINDER_FEE', 'LATE_INTEREST')),
    amount       numeric(14, 2) not null check (amount > 0),
    charged_on   date           not null,
    reason       varchar(200)   not null,
    created_at   timestamptz    not null,
    created_by   varchar(100)   not null,
    updated_at   timestamptz    not null,
    updated_by   varchar(100)   not null
);
create index invoice_charge_invoice_idx on invoice_charge (invoice_id);

-- Every step of the dunning process on an invoice, by the job or by staff. A notice kind and a hand-over happen at
-- most once per invoice: the unique index makes a rerun (the same day, or after a kill) add nothing twice.
create table dunning_event (
    id                bigint generated always as identity primary key,
    invoice_id        bigint         not null references invoice (id),
    step              varchar(20)    not null check (step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL', 'HAND_OVER',
                                                              'PAUSED', 'RESUMED', 'STOPPED')),
    day               date           not null,
    amount            numeric(14, 2),
    fee               numeric(14, 2) not null default 0 check (fee >= 0),
    fee_rule          varchar(20),
    deadline          date,
    interest          numeric(14, 2),
    interest_charged  numeric(14, 2) not null default 0 check (interest_charged >= 0),
    interest_note     varchar(300),
    channel           varchar(10)    check (channel in ('EMAIL', 'SMS', 'PAPER', 'AGENCY', 'NONE')),
    reason            varchar(500),
    actor             varchar(100)   not null,
    run_id            bigint,
    created_at        timestamptz    not null,
    constraint dunning_event_deadline check (deadline is null or deadline >= day)
);
create unique index dunning_event_step_once on dunning_event (invoice_id, step)
    where step in ('FRIENDLY_REMINDER', 'PURRING', 'INKASSOVARSEL', 'HAND_OVER');
create index dunning_event_invoice_idx on dunning_event (invoice_id, id);

-- A staff hold on an invoice's dunning: PAUSED until resumed, STOPPED for good. One row per invoice at most.
create table dunning_hold (
    invoice_id   bigint        primary key references invoice (id),
    kind         varchar(10)   not null check (kind in ('PAUSED', 'STOPPED')),
    reason       varchar(500)  not null,
    since        date          not null,
    created_at   timestamptz   not null,
    created_by   varchar(100)  not null,
    updated_at   timestamptz   not null,
    updated_by   varchar(100)  not null
);

-- One nightly run (or a staff run for a day): what it looked at and did, and a missing interest rate it met.
create table dunning_run (
    id                     bigint generated always as identity primary key,
    day                    date          not null,
    started_at             timestamptz   not null,
    finished_at            timestamptz,
    started_by             varchar(100)  not null,
    claims_examined        integer       not null default 0,
    steps_taken            integer       not null default 0,
    steps_by_kind          varchar(300),
    interest_missing_from  date,
    status                 varchar(10)   not null check (status in ('RUNNING', 'FINISHED', 'FAILED'))
);

-- A complaint case can name the invoice it disputes: an open one pauses that invoice's dunning.
alter table service_case add column invoice_number bigint;
create index service_case_invoice_idx on service_case (invoice_number) where invoice_number is not null;
