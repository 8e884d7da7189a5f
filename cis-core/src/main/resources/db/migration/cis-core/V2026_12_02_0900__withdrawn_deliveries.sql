-- A delivery Elhub rolled back (BRS-NO-111) is withdrawn: it stays in the history but is in force on no day, its period
-- the empty [valid_from, valid_from). Every other delivery still ends after it starts.
alter table delivery drop constraint delivery_period_valid;
alter table delivery add constraint delivery_period_valid check (valid_to is null or valid_to >= valid_from);
