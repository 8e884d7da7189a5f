-- Two payments to the same invoice at once could deadlock in invoice_refresh_paid (seen in a CI run of
-- InvoicePaidColumnsTest.twoTransactionsPayingTheSameInvoiceAtOnce): each insert's foreign-key check holds FOR KEY
-- SHARE on the invoice, and each trigger then asked FOR UPDATE on it. The lock is now FOR NO KEY UPDATE.
create or replace function invoice_refresh_paid(ids bigint[]) returns void language plpgsql as $$
begin
    if ids is null or cardinality(ids) = 0 then
        return;
    end if;
    -- lock first, in id order: the next statement takes a new snapshot, so it sees a payment committed meanwhile. FOR NO
    -- KEY UPDATE, not FOR UPDATE: the payment row's foreign key already holds FOR KEY SHARE on the invoice, and two
    -- payments to one invoice each holding that and asking FOR UPDATE deadlocked; NO KEY UPDATE does not conflict with
    -- KEY SHARE, still serialises the two triggers, and is what the update of paid_amount takes anyway
    perform 1 from invoice where id = any(ids) order by id for no key update;
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
