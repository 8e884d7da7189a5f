-- Meter values from Elhub (BRS-NO-313 NotifyValidatedDataForBillingEnergy) arrive per interval, not per whole day:
-- days come in incomplete, and a correction resends only the changed intervals with a later registration time.
--
-- qualities gains 'T' (temporary, midlertidig) and '-' (not received yet; its quantity is 0 and means nothing).
-- registered_at + registration_codes: Elhub's RegistrationDateTime of each interval's value, compact — the day's
--   distinct registration times (epoch seconds, ascending; a day usually has one, a few after corrections) and one
--   character per interval naming which ('0'–'9', 'A'–'Z', 'a'–'z' = 0–61; '-' none). Both null for values from our
--   own CSV import, which any registration from Elhub replaces. A value is replaced only by a strictly later
--   registration. One byte per value instead of eight.
-- estimates: the estimation facts of estimated and temporary values, by 0-based interval index, e.g.
--   {"5": {"quality": "56", "validation": "V001", "estimation": "E002"}}.
-- complete: every interval has a value; only complete days are billed (a day still waiting for values is missing data).
alter table meter_value_day add column registered_at bigint[];
alter table meter_value_day add column registration_codes varchar(100);
alter table meter_value_day add column estimates jsonb;
alter table meter_value_day add column complete boolean generated always as (position('-' in qualities) = 0) stored;
alter table meter_value_day add constraint meter_value_day_registration_length
    check ((registered_at is null) = (registration_codes is null)
           and (registration_codes is null or length(registration_codes) = length(qualities)));

alter table meter_value_day_revision add column registered_at bigint[];
alter table meter_value_day_revision add column registration_codes varchar(100);
alter table meter_value_day_revision add column estimates jsonb;
