-- The rules of the dunning process (issue 20) as dated rows: the statutory terms (inkassosats and the fees derived
-- from it, the waiting periods and the limit of fee-bearing notices), the forsinkelsesrente per half-year, and the
-- dunning policy per billing segment. Rows are appended, never rewritten: a new value closes the previous one's
-- period at its own start (terms, policies); an interest half-year is entered once and never changed.
-- Sources: ../shared/domain/invoicing-and-receivables.md, section 2 and the summary table.

-- Inkassoforskriften § 1-1 and §§ 1-2, 1-3: fees are fractions of the inkassosats; a fee only on a notice sent at the
-- earliest 14 days after the due date; a notice gives at least 14 days; at most two fee-bearing notices per claim
-- before a betalingsoppfordring (two purringer, or one purring + inkassovarsel). Kept as data so a law change
-- (Prop. 3 L (2025–2026), not yet in force) is a new row, not a code change.
create table receivables_statutory_terms (
    id                             bigint generated always as identity primary key,
    valid_from                     date          not null,
    valid_to                       date,
    inkassosats                    numeric(10, 2) not null check (inkassosats > 0),
    -- purregebyr and inkassovarsel fee: 1/20 of the inkassosats since 1 Oct 2020
    reminder_fee_fraction          numeric(7, 6) not null check (reminder_fee_fraction >= 0 and reminder_fee_fraction <= 1),
    -- betalingsoppfordring (egeninkasso, § 10): 3/20
    payment_demand_fee_fraction    numeric(7, 6) not null check (payment_demand_fee_fraction >= 0 and payment_demand_fee_fraction <= 1),
    fee_earliest_days_after_due    integer       not null check (fee_earliest_days_after_due >= 0),
    minimum_deadline_days          integer       not null check (minimum_deadline_days >= 0),
    max_fee_bearing_notices        integer       not null check (max_fee_bearing_notices >= 0),
    source                         varchar(500)  not null,
    created_at                     timestamptz   not null,
    created_by                     varchar(100)  not null,
    updated_at                     timestamptz   not null,
    updated_by                     varchar(100)  not null,
    constraint statutory_terms_period_valid check (valid_to is null or valid_to >= valid_from),
    constraint statutory_terms_no_overlap exclude using gist (daterange(valid_from, valid_to, '[)') with &&)
        deferrable initially deferred
);

-- The inkassosats was NOK 700 when the fees were halved to 1/20 on 1 Oct 2020 (purregebyr 70 → 35) and still 700 in
-- 2025 (confirmed for 2025), so one row covers 1 Oct 2020 – 31 Dec 2025. Earlier terms (1/10 fractions) are not held.
insert into receivables_statutory_terms (valid_from, valid_to, inkassosats, reminder_fee_fraction, payment_demand_fee_fraction,
        fee_earliest_days_after_due, minimum_deadline_days, max_fee_bearing_notices, source, created_at, created_by, updated_at, updated_by)
values ('2020-10-01', '2026-01-01', 700.00, 0.050000, 0.150000, 14, 14, 2,
        'inkassosats 700 (FOR-2002-12-13-1641, confirmed for 2025); fees 1/20 and 3/20 from 1 Oct 2020 (regjeringen.no, JD press release 2020)',
        now(), 'flyway', now(), 'flyway'),
       -- 37.50 and 112.50 are derived (1/20 and 3/20 of 750); the 750 itself is from secondary sources
       ('2026-01-01', null, 750.00, 0.050000, 0.150000, 14, 14, 2,
        'inkassosats 750 from 1 Jan 2026 (SECONDARY kred.no, amili.no); fees derived as 1/20 and 3/20 — no primary text seen',
        now(), 'flyway', now(), 'flyway');

-- Forsinkelsesrente (forsinkelsesrenteloven § 3): fixed per half-year, the rate on 1 January / 1 July holds for that
-- half-year. Each row is exactly one half-year, so a half-year whose rate has not been entered has no rate at all
-- (the calculation refuses) instead of silently reusing the previous one.
create table receivables_late_interest_rate (
    id            bigint generated always as identity primary key,
    valid_from    date          not null unique,
    valid_to      date          not null,
    rate_percent  numeric(6, 3) not null check (rate_percent >= 0),
    -- true when the value is our own derivation (policy rate + 8 pp), not a published text
    derived       boolean       not null,
    source        varchar(500)  not null,
    created_at    timestamptz   not null,
    created_by    varchar(100)  not null,
    updated_at    timestamptz   not null,
    updated_by    varchar(100)  not null,
    constraint late_interest_half_year check (extract(day from valid_from) = 1 and extract(month from valid_from) in (1, 7)
        and valid_to = (valid_from + interval '6 months')::date),
    constraint late_interest_no_overlap exclude using gist (daterange(valid_from, valid_to, '[)') with &&)
        deferrable initially deferred
);

insert into receivables_late_interest_rate (valid_from, valid_to, rate_percent, derived, source, created_at, created_by, updated_at, updated_by)
values ('2025-01-01', '2025-07-01', 12.500, false, 'FOR-2024-12-19-3279 (CONFIRMED, read via a copy)', now(), 'flyway', now(), 'flyway'),
       -- DERIVED: Norges Bank policy rate 4.25 % from June 2025 + 8 pp; FOR-2025-06-23-1321 exists but its text was not seen
       ('2025-07-01', '2026-01-01', 12.250, true, 'derived: policy rate 4.25 % (Norges Bank 2025-06-19) + 8 pp; FOR-2025-06-23-1321 not read',
        now(), 'flyway', now(), 'flyway'),
       ('2026-01-01', '2026-07-01', 12.000, false, 'SECONDARY kred.no (forsinkelsesrente fra 1. januar 2026)', now(), 'flyway', now(), 'flyway');

-- How a segment's customers are dunned; segment_id null is the default for a customer in no segment with a policy.
create table receivables_dunning_policy (
    id                  bigint generated always as identity primary key,
    segment_id          integer       references segment (id),
    valid_from          date          not null,
    valid_to            date,
    -- e-mail/SMS on the due date, no fee
    friendly_reminder   boolean       not null,
    -- charge the statutory purregebyr / inkassovarsel fee where the law allows it
    charge_fee          boolean       not null,
    -- charge forsinkelsesrente (it is always computed and shown)
    charge_interest     boolean       not null,
    created_at          timestamptz   not null,
    created_by          varchar(100)  not null,
    updated_at          timestamptz   not null,
    updated_by          varchar(100)  not null,
    constraint dunning_policy_period_valid check (valid_to is null or valid_to >= valid_from),
    constraint dunning_policy_no_overlap exclude using gist (
        (coalesce(segment_id, 0)) with =, daterange(valid_from, valid_to, '[)') with &&) deferrable initially deferred
);
create index receivables_dunning_policy_segment_idx on receivables_dunning_policy (segment_id);

-- The default: a friendly reminder, the statutory fee, interest shown but not charged.
insert into receivables_dunning_policy (segment_id, valid_from, valid_to, friendly_reminder, charge_fee, charge_interest,
        created_at, created_by, updated_at, updated_by)
values (null, '2020-10-01', null, true, true, false, now(), 'flyway', now(), 'flyway');
