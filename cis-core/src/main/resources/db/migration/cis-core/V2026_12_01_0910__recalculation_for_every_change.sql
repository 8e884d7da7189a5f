-- Every kind of change inside an invoiced period raises a recalculation need: supply (deliveries, product changes,
-- move-in/out) and master data join meter values, segments, properties and prices.
alter table recalculation_need drop constraint recalculation_need_reason_check;
alter table recalculation_need add constraint recalculation_need_reason_check
    check (reason in ('METER_VALUES', 'SEGMENT', 'PROPERTY', 'PRICE', 'SUPPLY', 'MASTER_DATA'));
-- A need can be handled by a recalculation that found nothing to change (no credit note, no invoice).
alter table recalculation_need_handled alter column invoice_id drop not null;
create index recalculation_need_handled_customer_idx on recalculation_need_handled (customer_id);
-- The latest invoiced day of any metering point: the run has covered the months before it, so a change there to a
-- supplied metering point that was never invoiced (a back-dated move-in) is a need too.
create index billing_horizon_billed_until_idx on billing_horizon (billed_until);
-- The run asks, per customer, for the needs on its metering points (handled or not): by point, not only the open ones.
create index recalculation_need_point_idx on recalculation_need (metering_point_id, period_from);
