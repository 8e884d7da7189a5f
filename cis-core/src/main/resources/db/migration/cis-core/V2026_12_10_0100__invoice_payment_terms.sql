-- The payment terms (betalingsfrist): how many days after its issue date an invoice falls due. Dated rows, like every
-- term and rate: a change of terms is a new row from its first issue day, closing the previous one's period there; a
-- row is never rewritten. The billing run reads the row in force on the invoice's issue date. Until now this was the
-- property cis.billing.payment-days (14), which the seed row keeps.
create table invoice_payment_terms (
    id          bigint generated always as identity primary key,
    valid_from  date         not null,
    valid_to    date,
    days        integer      not null check (days between 1 and 90),
    source      varchar(500) not null,
    created_at  timestamptz  not null,
    created_by  varchar(100) not null,
    constraint invoice_payment_terms_period_valid check (valid_to is null or valid_to > valid_from),
    constraint invoice_payment_terms_no_overlap exclude using gist (daterange(valid_from, valid_to, '[)') with &&)
        deferrable initially deferred
);

insert into invoice_payment_terms (valid_from, valid_to, days, source, created_at, created_by)
values ('2000-01-01', null, 14, 'standard terms: 14 days from the issue date (was cis.billing.payment-days)', now(), 'flyway');
