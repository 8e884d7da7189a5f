-- Meter values (måleverdier): one row per metering point and Norwegian day, the day's interval values as an array.
--
-- Why a day row and not a row per value: a retailer with 100 000–1 000 000 metering points at 15-minute resolution
-- receives ~3 000 values per point per month (0.3–3 billion a month). A row per value costs ~24 bytes of tuple header
-- plus index entry per value; a day row carries 92/96/100 values for one header and one index entry, so storage and
-- index size drop by an order of magnitude, and the billing run reads a point's month as 30 rows. The measured numbers
-- are in cis-core/README.md. Partitioned by month so old months can be detached/archived whole.

create table meter_value_day (
    metering_point_id  bigint       not null,
    day                date         not null,
    resolution_minutes integer      not null check (resolution_minutes in (15, 60)),
    -- kWh × 1000 (three decimals as integer Wh), one per interval from the day's start in Norwegian time
    quantities_wh      integer[]    not null,
    -- one quality code per interval: M measured, E estimated, C calculated
    qualities          varchar(100) not null,
    version            integer      not null,
    source             varchar(200) not null,
    created_at         timestamptz  not null,
    created_by         varchar(100) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(100) not null,
    primary key (metering_point_id, day),
    constraint meter_value_day_lengths check (cardinality(quantities_wh) = length(qualities))
) partition by range (day);

-- Monthly partitions for the years the system is expected to hold live; a DEFAULT partition catches anything else
-- (the billing data work adds a job that creates partitions ahead of time).
do $$
declare
    month date := date '2024-01-01';
begin
    while month < date '2029-01-01' loop
        execute format('create table meter_value_day_%s partition of meter_value_day for values from (%L) to (%L)',
                       to_char(month, 'YYYY_MM'), month, month + interval '1 month');
        month := month + interval '1 month';
    end loop;
end $$;
create table meter_value_day_default partition of meter_value_day default;

-- A day's values as they were before a correction replaced them, with who stored them and when.
create table meter_value_day_revision (
    id                 bigint generated always as identity primary key,
    metering_point_id  bigint       not null,
    day                date         not null,
    resolution_minutes integer      not null,
    quantities_wh      integer[]    not null,
    qualities          varchar(100) not null,
    version            integer      not null,
    source             varchar(200) not null,
    stored_at          timestamptz  not null,
    stored_by          varchar(100) not null,
    created_at         timestamptz  not null,
    created_by         varchar(100) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(100) not null
);
create index meter_value_day_revision_idx on meter_value_day_revision (metering_point_id, day);

-- How far each metering point has been invoiced (exclusive): written by the billing run. A change to data before
-- this date is a change to a billed period and needs recalculation.
create table billing_horizon (
    metering_point_id bigint      primary key references metering_point (id),
    billed_until      date        not null,
    version           bigint      not null,
    created_at        timestamptz not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz not null,
    updated_by        varchar(100) not null
);

-- Something changed in an already billed period: the next billing run must recalculate it (credit and re-invoice).
create table recalculation_need (
    id                bigint generated always as identity primary key,
    metering_point_id bigint       not null references metering_point (id),
    period_from       date         not null,
    period_to         date         not null,
    reason            varchar(40)  not null check (reason in ('METER_VALUES', 'SEGMENT', 'PROPERTY', 'PRICE')),
    detail            varchar(500) not null,
    consumed_at       timestamptz,
    consumed_by       varchar(100),
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    constraint recalculation_need_period check (period_to > period_from)
);
create index recalculation_need_open_idx on recalculation_need (metering_point_id) where consumed_at is null;
