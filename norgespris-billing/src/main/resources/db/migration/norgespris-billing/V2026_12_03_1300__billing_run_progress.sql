-- A run's progress as the staff screen shows it: how many customers it has to look at (counted when it starts), and
-- when it last (re)started with how many done by then, so the time left is estimated from the pace since then.
alter table billing_run add column customers_total integer;
alter table billing_run add column resumed_at timestamptz;
alter table billing_run add column done_at_resume integer not null default 0;
