-- Per-invoice facts for the receivables figures, kept by the database from the rows they come from, in the same
-- transaction (like paid_amount and paid_in_full_on, V2026_12_03_1400): so the figures read one index over the
-- invoices due or issued in a period and join nothing per invoice, and no code path can forget them.
--   postponed_to     the new due date of the invoice's postponement (invoice_postponement; at most one per invoice)
--   due_in_force     the due date that applies: the postponed one if any (generated)
--   first_notice_on  the day of its first purring or inkassovarsel (dunning_event)
--   delivery_channel the channel that reached the customer, or is reaching them, after any fallback — kept by the
--                    invoice-delivery adapter from its own delivery rows (a trigger in its migrations); null when no
--                    delivery reached a channel, or without that adapter. Names are DeliveryChannel's.
-- InvoiceFactsTest checks them against the rows.
alter table invoice
    add column postponed_to date,
    add column first_notice_on date,
    add column delivery_channel varchar(10) check (delivery_channel in ('EMAIL', 'SMS', 'EHF', 'PAPER'));
alter table invoice add column due_in_force date generated always as (coalesce(postponed_to, due_date)) stored;

create function invoice_postponement_fact() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update invoice set postponed_to = null where id = old.invoice_id and postponed_to is not null;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        update invoice set postponed_to = new.new_due_date where id = new.invoice_id;
    end if;
    return null;
end $$;
create trigger invoice_postponement_fact after insert or update or delete on invoice_postponement
    for each row execute function invoice_postponement_fact();

create function invoice_refresh_first_notice(ids bigint[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    -- the same lock as invoice_refresh_paid (V2026_12_05_0200): id order, FOR NO KEY UPDATE (the event's foreign-key
    -- check holds KEY SHARE on the invoice), so a payment and a dunning step never deadlock
    perform 1 from invoice where id = any(ids) order by id for no key update;
    update invoice i set first_notice_on = s.first_notice_on
    from (select inv.id, (select min(e.day) from dunning_event e
                          where e.invoice_id = inv.id and e.step in ('PURRING', 'INKASSOVARSEL')) as first_notice_on
          from invoice inv where inv.id = any(ids)) s
    where i.id = s.id and i.first_notice_on is distinct from s.first_notice_on;
end $$;

create function dunning_event_notice_after_insert() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_first_notice(array(
        select distinct invoice_id from new_rows where step in ('PURRING', 'INKASSOVARSEL')));
    return null;
end $$;
create function dunning_event_notice_after_update() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_first_notice(array(
        select invoice_id from old_rows where step in ('PURRING', 'INKASSOVARSEL')
        union
        select invoice_id from new_rows where step in ('PURRING', 'INKASSOVARSEL')));
    return null;
end $$;
create function dunning_event_notice_after_delete() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_first_notice(array(
        select distinct invoice_id from old_rows where step in ('PURRING', 'INKASSOVARSEL')));
    return null;
end $$;
create trigger dunning_event_notice_insert after insert on dunning_event referencing new table as new_rows
    for each statement execute function dunning_event_notice_after_insert();
create trigger dunning_event_notice_update after update on dunning_event referencing old table as old_rows new table as new_rows
    for each statement execute function dunning_event_notice_after_update();
create trigger dunning_event_notice_delete after delete on dunning_event referencing old table as old_rows
    for each statement execute function dunning_event_notice_after_delete();

update invoice i set postponed_to = pp.new_due_date from invoice_postponement pp where pp.invoice_id = i.id;
update invoice i set first_notice_on = n.first_notice_on
from (select invoice_id, min(day) as first_notice_on from dunning_event
      where step in ('PURRING', 'INKASSOVARSEL') group by invoice_id) n
where n.invoice_id = i.id;

-- The invoices due in a period, counted by due date in force, day paid in full, first notice and channel: one
-- index-only range scan in the order of the grouping (a group aggregate, no hashing of a year's two million rows).
-- Credited invoices are left out here and counted apart (a credit note issued after the period's end does not cancel
-- the claim for that period), so the scan needs no look-up of credit notes.
drop index invoice_due_paid_idx;
create index invoice_due_facts_idx on invoice (due_in_force, paid_in_full_on, first_notice_on, delivery_channel)
    where kind = 'INVOICE' and total_amount > 0 and not credited;
-- Credit sales and deliveries of the invoices issued in a period: one index-only range scan, grouped in its order.
drop index invoice_issue_date_idx;
create index invoice_issued_facts_idx on invoice (issue_date, kind, delivery_channel) include (total_amount);
-- The invoices that can have something left at any day, or be a credit, with what the open amounts need: index-only.
create index invoice_open_pick_idx on invoice (customer_id)
    include (id, invoice_number, issue_date, due_date, total_amount, paid_amount)
    where kind = 'INVOICE' and (paid_in_full_on is null or paid_amount > total_amount or (credited and paid_amount > 0));
-- How many groups the two period reads make (a few hundred, not the product of each column's distinct values): without
-- these the planner expects some 200 000 groups for a year and runs the grouped scan on one core
create statistics invoice_due_facts_groups (ndistinct) on due_in_force, paid_in_full_on, first_notice_on, delivery_channel
    from invoice;
create statistics invoice_issued_facts_groups (ndistinct) on issue_date, kind, delivery_channel from invoice;
