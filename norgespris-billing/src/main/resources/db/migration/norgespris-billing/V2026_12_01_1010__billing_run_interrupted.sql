-- A run that was running when the application died is found at start-up and marked INTERRUPTED: restart resumes it.
alter table billing_run drop constraint billing_run_status_check;
alter table billing_run add constraint billing_run_status_check
    check (status in ('STARTED', 'COMPLETED', 'FAILED', 'STOPPED', 'INTERRUPTED'));
-- One run at a time per month: a second start (or restart) while one runs is refused, not raced.
create unique index billing_run_one_running_per_month on billing_run (period_from) where status = 'STARTED';
