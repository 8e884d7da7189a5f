-- The days of the month under Norgespris as half-open ranges ("2025-10-10/2025-11-01", comma-separated when the
-- agreement stopped and started again): the RME report has one row per range.
alter table settlement add column norgespris_from date;
alter table settlement add column norgespris_periods varchar(400);
