-- cis-core: customers, metering points (with dated characteristics and properties), products, contracts, deliveries.
-- Conventions: every table carries created_at/created_by/updated_at/updated_by; aggregate roots carry a version
-- column for optimistic locking; dated rows are half-open [valid_from, valid_to) with valid_to NULL = open-ended,
-- and exclusion constraints make overlapping periods impossible even under concurrent writers.

create extension if not exists btree_gist;
create extension if not exists pg_trgm;

-- Customers (kunder) -------------------------------------------------------------------------------------------
create sequence customer_number_seq start with 1000001 increment by 1;

create table customer (
    id                  bigint generated always as identity primary key,
    customer_number     bigint       not null unique,
    kind                varchar(12)  not null check (kind in ('PRIVATE', 'ORGANISATION')),
    national_id         varchar(11),
    date_of_birth       date,
    organisation_number varchar(9),
    first_name          varchar(100),
    last_name           varchar(100),
    organisation_name   varchar(200),
    search_name         varchar(400) not null,
    email               varchar(254),
    mobile              varchar(16),
    street              varchar(200),
    postcode            varchar(10),
    city                varchar(100),
    country_code        varchar(2),
    version             bigint       not null,
    created_at          timestamptz  not null,
    created_by          varchar(100) not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(100) not null,
    constraint customer_private_has_person check (
        kind <> 'PRIVATE' or (national_id is not null and date_of_birth is not null and first_name is not null
                              and last_name is not null and organisation_number is null)),
    constraint customer_organisation_has_org check (
        kind <> 'ORGANISATION' or (organisation_number is not null and organisation_name is not null
                                   and national_id is null))
);
create unique index customer_national_id_uq on customer (national_id) where national_id is not null;
create unique index customer_organisation_number_uq on customer (organisation_number) where organisation_number is not null;
create index customer_search_name_trgm on customer using gin (search_name gin_trgm_ops);
create index customer_search_name_order on customer (search_name, id);
create index customer_mobile_idx on customer (mobile);
create index customer_email_idx on customer (lower(email));

-- Grid owners (netteiere) -----------------------------------------------------------------------------------------
create table grid_owner (
    gln        varchar(13)     primary key,
    name       varchar(200) not null,
    version    bigint       not null,
    created_at timestamptz  not null,
    created_by varchar(100) not null,
    updated_at timestamptz  not null,
    updated_by varchar(100) not null
);

-- Metering points (målepunkter) -----------------------------------------------------------------------------------
create table metering_point (
    id         bigint generated always as identity primary key,
    gsrn       varchar(18)     not null unique,
    version    bigint       not null,
    created_at timestamptz  not null,
    created_by varchar(100) not null,
    updated_at timestamptz  not null,
    updated_by varchar(100) not null
);

-- One row per version of the metering point's master data; a change closes the previous row.
create table metering_point_characteristics (
    id                  bigint generated always as identity primary key,
    metering_point_id   bigint       not null references metering_point (id),
    valid_from          date         not null,
    valid_to            date,
    price_area          varchar(3)   not null check (price_area in ('NO1', 'NO2', 'NO3', 'NO4', 'NO5')),
    grid_owner_gln      varchar(13)     not null references grid_owner (gln),
    street              varchar(200) not null,
    postcode            varchar(4)      not null,
    city                varchar(100) not null,
    municipality_number varchar(4),
    end_user_group      varchar(3)   not null,
    industry_code       varchar(6),
    resolution          varchar(5)   not null check (resolution in ('PT1H', 'PT15M')),
    vat_exempt          boolean      not null,
    created_at          timestamptz  not null,
    created_by          varchar(100) not null,
    updated_at          timestamptz  not null,
    updated_by          varchar(100) not null,
    constraint characteristics_period_valid check (valid_to is null or valid_to >= valid_from),
    constraint characteristics_no_overlap exclude using gist (
        metering_point_id with =, daterange(valid_from, valid_to, '[)') with &&)
        deferrable initially deferred
);
create index characteristics_mp_idx on metering_point_characteristics (metering_point_id, valid_from);
create index characteristics_grid_owner_idx on metering_point_characteristics (grid_owner_gln);

-- Properties (egenskaper) 888 / 870 / 900 as dated values with full history.
create table metering_point_property (
    id                bigint generated always as identity primary key,
    metering_point_id bigint       not null references metering_point (id),
    code              integer     not null check (code in (888, 870, 900)),
    value             integer     not null,
    note              varchar(2000),
    valid_from        date         not null,
    valid_to          date,
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    constraint property_period_valid check (valid_to is null or valid_to >= valid_from),
    constraint property_no_overlap exclude using gist (
        metering_point_id with =, code with =, daterange(valid_from, valid_to, '[)') with &&)
        deferrable initially deferred
);
create index property_mp_idx on metering_point_property (metering_point_id, code, valid_from);

-- Products (produkter); tariff elements are added by the billing-data migrations ------------------------------------
create table product (
    code        varchar(32)  primary key,
    name        varchar(200) not null,
    kind        varchar(16)  not null check (kind in ('SPOT', 'VARIABLE', 'FIXED')),
    version     bigint       not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);

insert into product (code, name, kind, version, created_at, created_by, updated_at, updated_by) values
    ('SPOT', 'Spotpris', 'SPOT', 0, now(), 'flyway', now(), 'flyway'),
    ('VARIABEL', 'Variabel pris', 'VARIABLE', 0, now(), 'flyway', now(), 'flyway'),
    ('FAST12', 'Fastpris 12 måneder', 'FIXED', 0, now(), 'flyway', now(), 'flyway');

-- Contracts (kontrakter) and deliveries (leveranser) ---------------------------------------------------------------
create sequence contract_number_seq start with 5000001 increment by 1;

create table contract (
    id              bigint generated always as identity primary key,
    contract_number bigint       not null unique,
    customer_id     bigint       not null references customer (id),
    start_date      date         not null,
    version         bigint       not null,
    created_at      timestamptz  not null,
    created_by      varchar(100) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(100) not null
);
create index contract_customer_idx on contract (customer_id);

create table delivery (
    id                bigint generated always as identity primary key,
    contract_id       bigint       not null references contract (id),
    metering_point_id bigint       not null references metering_point (id),
    product_code      varchar(32)  not null references product (code),
    valid_from        date         not null,
    valid_to          date,
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    constraint delivery_period_valid check (valid_to is null or valid_to > valid_from),
    -- A metering point is supplied under at most one delivery on any day, whichever contract holds it.
    constraint delivery_no_overlap exclude using gist (
        metering_point_id with =, daterange(valid_from, valid_to, '[)') with &&)
        deferrable initially deferred
);
create index delivery_contract_idx on delivery (contract_id);
create index delivery_mp_idx on delivery (metering_point_id, valid_from);
