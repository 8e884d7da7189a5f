-- Compensation rules cover a period [valid_from, valid_to): a month no row covers fails billing with the missing rule
-- named, instead of carrying the last row forward. The law settles per hour (Lov om Norgespris og strømstønad §§ 3, 8):
-- hourly_settlement is true for every row in force; per quarter-hour stays only as a switch for a future regulation.
alter table compensation_rule add column valid_to date;
alter table compensation_rule alter column norgespris_price drop not null;   -- null: no Norgespris in the period
alter table compensation_rule add constraint compensation_rule_period check (valid_to is null or valid_to > valid_from);
alter table compensation_rule add constraint compensation_rule_no_overlap
    exclude using gist (daterange(valid_from, valid_to, '[)') with &&);

update compensation_rule set valid_to = '2026-01-01', hourly_settlement = true,
    note = 'Norgespris from 1 Oct 2025 (LOV-2025-06-20-44); strømstøtte threshold 2025: 0.75 ex VAT (93.75 øre incl.)',
    updated_at = now(), updated_by = 'flyway'
where valid_from = '2025-10-01';

insert into compensation_rule (valid_from, valid_to, norgespris_price, household_cap_kwh, holiday_home_cap_kwh,
    stromstotte_threshold, stromstotte_share, stromstotte_cap_kwh, vat_rate, hourly_settlement, note,
    created_at, created_by, updated_at, updated_by)
values
    ('2025-01-01', '2025-10-01', null, 5000, 1000, 0.75, 0.90, 5000, 0.25, true,
     'Strømstøtte 2025 before Norgespris: 90 % above 0.75 ex VAT, hourly since 1 Sep 2023', now(), 'flyway', now(), 'flyway'),
    ('2026-01-01', '2027-01-01', 0.40, 5000, 1000, 0.77, 0.90, 5000, 0.25, true,
     'Norgespris 0.40 ex VAT to 31 Dec 2026; strømstøtte threshold from 1 Jan 2026: 0.77 ex VAT (96.25 incl.), forskrift om strømstønad',
     now(), 'flyway', now(), 'flyway');
