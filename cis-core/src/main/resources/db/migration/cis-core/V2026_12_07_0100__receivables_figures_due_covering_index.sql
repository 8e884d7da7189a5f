-- The receivables figures count a period's due invoices by due date, day paid in full and first notice: for a year
-- that is some two million invoices. With the id, the day paid in full and the two conditions in the index it is one
-- index-only range scan (heap visited only for pages not yet all-visible), no bitmap heap scan of every invoice page.
-- Its columns are all in other indexes already, so it makes no update of an invoice row lose HOT that did not before
-- (the dunning run's updates of invoice rows keep their cost but for this index's entry when one is not HOT anyway).
create index invoice_due_paid_idx on invoice (due_date) include (id, paid_in_full_on)
    where kind = 'INVOICE' and total_amount > 0;
