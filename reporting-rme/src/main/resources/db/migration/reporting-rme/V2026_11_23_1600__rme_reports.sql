-- The price code (priskode) of an RME row, by end-user group and NACE code; a row with industry_code null is the
-- group's default. One table, so a new code from RME is a data change.
create table rme_price_code (
    id             integer generated always as identity primary key,
    end_user_group varchar(3)   not null,
    industry_code  varchar(6),
    price_code     varchar(2)   not null,
    meaning        varchar(200) not null,
    created_at     timestamptz  not null,
    created_by     varchar(100) not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(100) not null,
    unique (end_user_group, industry_code)
);
insert into rme_price_code (end_user_group, industry_code, price_code, meaning, created_at, created_by, updated_at, updated_by) values
    ('35', null,     'H', 'household',                               now(), 'flyway', now(), 'flyway'),
    ('35', '68.201', 'B', 'housing cooperative (SN2007 borettslag)', now(), 'flyway', now(), 'flyway'),
    ('35', '97.001', 'B', 'housing cooperative (SN2025 borettslag)', now(), 'flyway', now(), 'flyway'),
    ('36', null,     'F', 'cabin / holiday home',                    now(), 'flyway', now(), 'flyway');

-- Every file produced, archived: a month's versions, each with checksum, counts, totals and who triggered it.
create table rme_report (
    id                 bigint generated always as identity primary key,
    month              date          not null check (extract(day from month) = 1),
    version            integer       not null,
    file_name          varchar(100)  not null,
    content            bytea         not null,
    sha256             varchar(64)   not null,
    row_count          integer       not null,
    total_amount       numeric(16, 3) not null,
    total_actual_kwh   numeric(18, 3) not null,
    total_covered_kwh  numeric(18, 3) not null,
    trigger            varchar(10)   not null check (trigger in ('SCHEDULE', 'API')),
    created_at         timestamptz   not null,
    created_by         varchar(100)  not null,
    updated_at         timestamptz   not null,
    updated_by         varchar(100)  not null,
    unique (month, version)
);
