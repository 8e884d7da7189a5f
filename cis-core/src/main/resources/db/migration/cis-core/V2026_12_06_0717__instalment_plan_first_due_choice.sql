-- An instalment plan's first due date may be agreed with the customer (e.g. the day after payday): from tomorrow to at
-- most latest_first_due_days after the plan is made; without a choice it is first_due_days after, as before.
alter table instalment_plan_rule add column latest_first_due_days integer not null default 30;
alter table instalment_plan_rule add constraint instalment_plan_rule_first_due_range check (latest_first_due_days >= first_due_days);
