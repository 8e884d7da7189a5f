-- What the payments matched to an invoice add up to (paid_amount) and the day their running sum, in payment order,
-- first reached its total (paid_in_full_on; null while it has not). The database keeps them from the payment rows
-- itself — statement triggers on payment below — so no code path that matches, moves or deletes a payment can forget
-- them, and a concurrent payment to the same invoice is never lost (the invoice row is locked before the sums are
-- read). The receivables figures use them only to find the few invoices that can have something left or be a credit
-- at a day; the amounts are then computed from the payment rows as before.
alter table invoice add column paid_amount numeric(14, 2) not null default 0;
alter table invoice add column paid_in_full_on date;

create function invoice_refresh_paid(ids bigint[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    -- lock first, in id order: the next statement takes a new snapshot, so it sees a payment committed meanwhile
    perform 1 from invoice where id = any(ids) order by id for update;
    update invoice i
    set paid_amount = s.paid, paid_in_full_on = s.settled_on
    from (select inv.id,
                 coalesce((select sum(p.amount) from payment p where p.invoice_id = inv.id), 0) as paid,
                 (select min(x.paid_on) from (
                      select p.paid_on, sum(p.amount) over (order by p.paid_on, p.id) as running
                      from payment p where p.invoice_id = inv.id) x
                  where x.running >= inv.total_amount) as settled_on
          from invoice inv where inv.id = any(ids)) s
    where i.id = s.id
      and (i.paid_amount <> s.paid or i.paid_in_full_on is distinct from s.settled_on);
end $$;

create function payment_paid_after_insert() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_paid(array(select distinct invoice_id from new_rows where invoice_id is not null));
    return null;
end $$;

create function payment_paid_after_update() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_paid(array(
        select o.invoice_id from old_rows o join new_rows n on n.id = o.id
        where o.invoice_id is not null
          and (n.invoice_id is distinct from o.invoice_id or n.amount <> o.amount or n.paid_on <> o.paid_on)
        union
        select n.invoice_id from old_rows o join new_rows n on n.id = o.id
        where n.invoice_id is not null
          and (n.invoice_id is distinct from o.invoice_id or n.amount <> o.amount or n.paid_on <> o.paid_on)));
    return null;
end $$;

create function payment_paid_after_delete() returns trigger language plpgsql as $$
begin
    perform invoice_refresh_paid(array(select distinct invoice_id from old_rows where invoice_id is not null));
    return null;
end $$;

create trigger payment_paid_insert after insert on payment referencing new table as new_rows
    for each statement execute function payment_paid_after_insert();
create trigger payment_paid_update after update on payment referencing old table as old_rows new table as new_rows
    for each statement execute function payment_paid_after_update();
create trigger payment_paid_delete after delete on payment referencing old table as old_rows
    for each statement execute function payment_paid_after_delete();

select invoice_refresh_paid(array(select distinct invoice_id from payment where invoice_id is not null));

-- the invoices that can have something left at a day: not (yet) paid in full by their own payments …
create index invoice_paid_in_full_idx on invoice (paid_in_full_on) where kind = 'INVOICE';
-- … and those that can be a credit: paid more than their total, or paid and then credited
create index invoice_credit_source_idx on invoice (customer_id)
    where kind = 'INVOICE' and (paid_amount > total_amount or (credited and paid_amount > 0));
-- credit that belongs to no invoice: payments matched to the account, credit notes that name no invoice
create index payment_on_account_idx on payment (customer_id, paid_on) where invoice_id is null and customer_id is not null;
create index invoice_unattached_credit_note_idx on invoice (customer_id)
    where kind = 'CREDIT_NOTE' and credits_invoice_id is null;
