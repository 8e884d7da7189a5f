-- Billing segments (faktureringssegmenter) and tariffs (tariffgrupper, tariffelementer with dated prices).

create table segment_group (
    id          integer      primary key,
    name        varchar(100) not null,
    sort_order  integer      not null,
    description varchar(500),
    version     bigint       not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);

create table segment (
    id          integer      primary key,
    group_id    integer      not null references segment_group (id),
    name        varchar(100) not null,
    sort_order  integer      not null,
    description varchar(500),
    -- DERIVED segments are maintained by the system (101–103 from property 900); MANUAL ones by staff
    kind        varchar(10)  not null check (kind in ('DERIVED', 'MANUAL')),
    version     bigint       not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);

insert into segment_group (id, name, sort_order, description, version, created_at, created_by, updated_at, updated_by)
values (101, 'Kompensasjon', 1, 'Which compensation scheme applies; derived from property 900', 0, now(), 'flyway', now(), 'flyway');
insert into segment (id, group_id, name, sort_order, description, kind, version, created_at, created_by, updated_at, updated_by)
values (101, 101, 'Norgespris husholdning kraft', 1, '900 = 1: active Norgespris, household', 'DERIVED', 0, now(), 'flyway', now(), 'flyway'),
       (102, 101, 'Norgespris hytte kraft', 2, '900 = 2: active Norgespris, cabin / holiday home', 'DERIVED', 0, now(), 'flyway', now(), 'flyway'),
       (103, 101, 'Vanlig strømstøtte kraft', 3, '900 = 0: strømstøtte, household without Norgespris', 'DERIVED', 0, now(), 'flyway', now(), 'flyway');

-- A metering point's (or a whole contract's) membership of a segment for a half-open period.
create table segment_membership (
    id                bigint generated always as identity primary key,
    segment_id        integer      not null references segment (id),
    metering_point_id bigint       references metering_point (id),
    contract_id       bigint       references contract (id),
    valid_from        date         not null,
    valid_to          date,
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null,
    constraint membership_one_target check ((metering_point_id is null) <> (contract_id is null)),
    constraint membership_period_valid check (valid_to is null or valid_to > valid_from),
    constraint membership_point_no_overlap exclude using gist (
        segment_id with =, metering_point_id with =, daterange(valid_from, valid_to, '[)') with &&)
        where (metering_point_id is not null) deferrable initially deferred,
    constraint membership_contract_no_overlap exclude using gist (
        segment_id with =, contract_id with =, daterange(valid_from, valid_to, '[)') with &&)
        where (contract_id is not null) deferrable initially deferred
);
create index segment_membership_point_idx on segment_membership (metering_point_id);
create index segment_membership_contract_idx on segment_membership (contract_id);

-- Memberships as they were before a change replaced them.
create table segment_membership_revision (
    id                bigint generated always as identity primary key,
    membership_id     bigint       not null,
    segment_id        integer      not null,
    metering_point_id bigint,
    contract_id       bigint,
    valid_from        date         not null,
    valid_to          date,
    replaced_reason   varchar(200) not null,
    created_at        timestamptz  not null,
    created_by        varchar(100) not null,
    updated_at        timestamptz  not null,
    updated_by        varchar(100) not null
);

create table tariff_group (
    code        varchar(32)  primary key,
    name        varchar(100) not null,
    description varchar(500),
    version     bigint       not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(100) not null
);
insert into tariff_group (code, name, description, version, created_at, created_by, updated_at, updated_by)
values ('KRAFT', 'Kraft', 'Energy price, markup and fixed fees of the power products', 0, now(), 'flyway', now(), 'flyway'),
       ('STROMSTOTTE', 'Strømstøtte', 'Compensation lines: strømstøtte and Norgespris', 0, now(), 'flyway', now(), 'flyway');

-- A priced component (tariffelement). product_code null = applies to every product (e.g. compensation lines).
create table tariff_element (
    id                   bigint generated always as identity primary key,
    code                 varchar(40)  not null unique,
    group_code           varchar(32)  not null references tariff_group (code),
    product_code         varchar(32)  references product (code),
    kind                 varchar(20)  not null check (kind in ('ENERGY_PRICE', 'MARKUP', 'FIXED_MONTHLY', 'COMPENSATION')),
    invoice_text         varchar(200) not null,
    vat                  varchar(20)  not null check (vat in ('STANDARD', 'EXEMPT')),
    required_segment_id  integer      references segment (id),
    valid_from           date         not null,
    valid_to             date,
    version              bigint       not null,
    created_at           timestamptz  not null,
    created_by           varchar(100) not null,
    updated_at           timestamptz  not null,
    updated_by           varchar(100) not null,
    constraint tariff_element_period_valid check (valid_to is null or valid_to > valid_from)
);

-- The element's price over time: a fixed amount (NOK per kWh, or per month for FIXED_MONTHLY, excluding VAT) or a
-- price table (the newest generation of a price calculation). A new price closes the previous one; none is rewritten.
create table tariff_element_price (
    id                  bigint generated always as identity primary key,
    element_id          bigint        not null references tariff_element (id),
    valid_from          date          not null,
    valid_to            date,
    amount              numeric(14, 6),
    price_calculation   integer       references price_calculation (number),
    created_at          timestamptz   not null,
    created_by          varchar(100)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(100)  not null,
    constraint tariff_price_one_source check ((amount is null) <> (price_calculation is null)),
    constraint tariff_price_period_valid check (valid_to is null or valid_to >= valid_from),
    constraint tariff_price_no_overlap exclude using gist (
        element_id with =, daterange(valid_from, valid_to, '[)') with &&) deferrable initially deferred
);
