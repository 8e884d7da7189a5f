-- The numbers of the compensation schemes, dated: a regulation change is a new row, not a code change.
create table compensation_rule (
    valid_from             date          primary key,
    norgespris_price       numeric(10, 6) not null,   -- NOK/kWh excl. VAT
    household_cap_kwh      integer       not null,
    holiday_home_cap_kwh   integer       not null,
    stromstotte_threshold  numeric(10, 6) not null,   -- NOK/kWh excl. VAT
    stromstotte_share      numeric(5, 4) not null,
    stromstotte_cap_kwh    integer       not null,
    vat_rate               numeric(5, 4) not null,
    hourly_settlement      boolean       not null,    -- 15-minute points settled per hour (mean price) instead of per quarter
    note                   varchar(500),
    created_at             timestamptz   not null,
    created_by             varchar(100)  not null,
    updated_at             timestamptz   not null,
    updated_by             varchar(100)  not null
);
insert into compensation_rule values ('2025-10-01', 0.40, 5000, 1000, 0.75, 0.90, 5000, 0.25, false,
    'Prop. 148 L (2024–2025); strømstøtte threshold for 2026 to be confirmed and added as a row from 2026-01-01',
    now(), 'flyway', now(), 'flyway');

-- A metering point's Norgespris / strømstøtte settlement for one month; a newer one supersedes it (kept).
create table settlement (
    id                     bigint generated always as identity primary key,
    metering_point_id      bigint        not null references metering_point (id),
    month                  date          not null check (extract(day from month) = 1),
    actual_wh              bigint        not null,
    norgespris_actual_wh   bigint        not null,
    norgespris_covered_wh  bigint        not null,
    norgespris_amount      numeric(14, 2) not null,  -- NOK incl. VAT where due, + paid to the customer, rounded to øre
    norgespris_net         numeric(14, 2) not null,  -- the same excl. VAT
    stromstotte_actual_wh  bigint        not null,
    stromstotte_covered_wh bigint        not null,
    stromstotte_amount     numeric(14, 2) not null,
    stromstotte_net        numeric(14, 2) not null,
    assumed_zero_days      integer       not null,   -- days before supply with no meter values, counted as 0 kWh
    days                   jsonb         not null,   -- per day: class, actual, covered, amount — for customer service
    superseded             boolean       not null default false,
    created_at             timestamptz   not null,
    created_by             varchar(100)  not null,
    updated_at             timestamptz   not null,
    updated_by             varchar(100)  not null
);
create unique index settlement_current on settlement (metering_point_id, month) where not superseded;

create table billing_run (
    id                 bigint generated always as identity primary key,
    period_from        date          not null,
    period_to          date          not null,
    customer_number    bigint,
    status             varchar(12)   not null check (status in ('STARTED', 'COMPLETED', 'FAILED', 'STOPPED')),
    job_execution_id   bigint,
    customers_billed   integer       not null default 0,
    customers_skipped  integer       not null default 0,
    customers_failed   integer       not null default 0,
    invoices           integer       not null default 0,
    credit_notes       integer       not null default 0,
    total_amount       numeric(16, 2) not null default 0,
    started_at         timestamptz   not null,
    finished_at        timestamptz,
    created_at         timestamptz   not null,
    created_by         varchar(100)  not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(100)  not null
);

create table billing_run_failure (
    id            bigint generated always as identity primary key,
    run_id        bigint        not null references billing_run (id),
    customer_id   bigint        not null references customer (id),
    reason        varchar(1000) not null,
    created_at    timestamptz   not null,
    created_by    varchar(100)  not null,
    updated_at    timestamptz   not null,
    updated_by    varchar(100)  not null
);
create index billing_run_failure_run_idx on billing_run_failure (run_id);
