-- The receivables figures group invoices by the channel that reached the customer (cis-core's invoice.delivery_channel,
-- V2026_12_08_0100). This module owns what that channel is, so it keeps the column from its own rows, in the same
-- transaction: a delivery's channel is the plan's channel at its current step — the one that reached the customer, or
-- is reaching them now, after any fallback; a delivery that reached no channel (FAILED, or RESOLVED by a person) has
-- none. Statement triggers (a billing run's deliveries are inserted in one statement); an update that does not change
-- the channel — a status going from SENT to OPENED — writes no invoice row.
create function invoice_refresh_delivery_channel(ids bigint[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    -- the same lock as cis-core's invoice_refresh_paid (V2026_12_05_0200): id order, FOR NO KEY UPDATE (the delivery's
    -- foreign-key check holds KEY SHARE on the invoice), so a delivery and a payment never deadlock
    perform 1 from invoice where id = any(ids) order by id for no key update;
    update invoice i set delivery_channel = s.channel
    from (select inv.id,
                 (select case when d.status in ('FAILED', 'RESOLVED') then null else d.plan[d.step + 1] end
                  from invoice_delivery d where d.invoice_id = inv.id) as channel
          from invoice inv where inv.id = any(ids)) s
    where i.id = s.id and i.delivery_channel is distinct from s.channel;
end $$;

create function invoice_delivery_channel_after_insert() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_delivery_channel(array(select invoice_id from new_rows));
    return null;
end $$;
create function invoice_delivery_channel_after_update() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_delivery_channel(array(
        select o.invoice_id from old_rows o join new_rows n on n.id = o.id
        where n.plan is distinct from o.plan or n.step <> o.step or n.status <> o.status or n.invoice_id <> o.invoice_id
        union
        select n.invoice_id from old_rows o join new_rows n on n.id = o.id where n.invoice_id <> o.invoice_id));
    return null;
end $$;
create function invoice_delivery_channel_after_delete() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_delivery_channel(array(select invoice_id from old_rows));
    return null;
end $$;
create trigger invoice_delivery_channel_insert after insert on invoice_delivery referencing new table as new_rows
    for each statement execute function invoice_delivery_channel_after_insert();
create trigger invoice_delivery_channel_update after update on invoice_delivery
    referencing old table as old_rows new table as new_rows
    for each statement execute function invoice_delivery_channel_after_update();
create trigger invoice_delivery_channel_delete after delete on invoice_delivery referencing old table as old_rows
    for each statement execute function invoice_delivery_channel_after_delete();

update invoice i set delivery_channel = d.plan[d.step + 1]
from invoice_delivery d where d.invoice_id = i.id and d.status not in ('FAILED', 'RESOLVED');
