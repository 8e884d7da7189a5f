-- Spot prices (day-ahead, per price area) and generated price tables (pristabeller).
-- Times are timestamptz; intervals are half-open [interval_start, interval_end).

create table spot_price (
    price_area     varchar(3)    not null check (price_area in ('NO1', 'NO2', 'NO3', 'NO4', 'NO5')),
    interval_start timestamptz   not null,
    interval_end   timestamptz   not null,
    nok_per_kwh    numeric(14, 6) not null,
    eur_per_mwh    numeric(12, 4),
    eur_nok        numeric(12, 6),
    source         varchar(200)  not null,
    created_at     timestamptz   not null,
    created_by     varchar(100)  not null,
    updated_at     timestamptz   not null,
    updated_by     varchar(100)  not null,
    primary key (price_area, interval_start),
    constraint spot_price_interval_valid check (interval_end > interval_start)
);

-- A price that was later corrected: the value as it was stored, and who replaced it when.
create table spot_price_revision (
    id             bigint generated always as identity primary key,
    price_area     varchar(3)    not null,
    interval_start timestamptz   not null,
    interval_end   timestamptz   not null,
    nok_per_kwh    numeric(14, 6) not null,
    eur_per_mwh    numeric(12, 4),
    eur_nok        numeric(12, 6),
    source         varchar(200)  not null,
    stored_at      timestamptz   not null,
    stored_by      varchar(100)  not null,
    created_at     timestamptz   not null,
    created_by     varchar(100)  not null,
    updated_at     timestamptz   not null,
    updated_by     varchar(100)  not null
);
create index spot_price_revision_idx on spot_price_revision (price_area, interval_start);

-- Named calculations of the price-table generator, e.g. 4 "Norgespris" with formula ':a-0.40'.
create table price_calculation (
    number      integer       primary key,
    name        varchar(100)  not null,
    description varchar(500),
    kind        varchar(20)   not null check (kind in ('BASE')),
    formula     varchar(500)  not null,
    threshold   numeric(14, 6),
    version     bigint        not null,
    created_at  timestamptz   not null,
    created_by  varchar(100)  not null,
    updated_at  timestamptz   not null,
    updated_by  varchar(100)  not null
);

-- Where one price area needs its own formula or threshold.
create table price_calculation_area_rule (
    id                 bigint generated always as identity primary key,
    calculation_number integer       not null references price_calculation (number),
    price_area         varchar(3)    not null check (price_area in ('NO1', 'NO2', 'NO3', 'NO4', 'NO5')),
    formula            varchar(500)  not null,
    threshold          numeric(14, 6),
    created_at         timestamptz   not null,
    created_by         varchar(100)  not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(100)  not null,
    unique (calculation_number, price_area)
);

-- Every generation of a price table is kept; readers take the newest generation per interval.
create table price_table_generation (
    id                 bigint generated always as identity primary key,
    calculation_number integer       not null references price_calculation (number),
    price_area         varchar(3)    not null,
    period_from        date          not null,
    period_to          date          not null,
    formula            varchar(500)  not null,
    threshold          numeric(14, 6),
    interval_count     integer       not null,
    created_at         timestamptz   not null,
    created_by         varchar(100)  not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(100)  not null
);

create table price_table_value (
    generation_id      bigint        not null references price_table_generation (id),
    calculation_number integer       not null,
    price_area         varchar(3)    not null,
    interval_start     timestamptz   not null,
    interval_end       timestamptz   not null,
    value              numeric(14, 6) not null,
    created_at         timestamptz   not null,
    created_by         varchar(100)  not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(100)  not null,
    primary key (calculation_number, price_area, interval_start, generation_id)
);
