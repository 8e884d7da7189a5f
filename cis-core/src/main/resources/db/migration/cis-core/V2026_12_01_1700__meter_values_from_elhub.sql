-- Meter values from Elhub (BRS-NO-313 NotifyValidatedDataForBillingEnergy) arrive per interval, not per whole day:
-- days come in incomplete, and a correction resends only the changed intervals with a later registration time.
--
-- qualities gains 'T' (temporary, midlertidig) and '-' (not received yet; its quantity is 0 and means nothing).
-- registered_at: Elhub's RegistrationDateTime of each interval's value, epoch seconds (null for values from our own
--   CSV import, which any registration from Elhub replaces). A value is replaced only by a strictly later registration.
-- estimates: the estimation facts of estimated and temporary values, by 0-based interval index, e.g.
--   {"5": {"quality": "56", "validation": "V001", "estimation": "E002"}}.
-- complete: every interval has a value; only complete days are billed (a day still waiting for values is missing data).
alter table meter_value_day add column registered_at bigint[];
alter table meter_value_day add column estimates jsonb;
alter table meter_value_day add column complete boolean generated always as (position('-' in qualities) = 0) stored;
alter table meter_value_day add constraint meter_value_day_registered_length
    check (registered_at is null or cardinality(registered_at) = length(qualities));

alter table meter_value_day_revision add column registered_at bigint[];
alter table meter_value_day_revision add column estimates jsonb;
