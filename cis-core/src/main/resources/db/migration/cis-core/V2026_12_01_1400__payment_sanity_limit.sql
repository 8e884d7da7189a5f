-- A single incoming payment above this amount is never applied automatically: it waits in the manual queue with the
-- reason, for staff to look at (a mistyped amount, a payment meant for someone else, fraud). Dated like every threshold.
create table payment_sanity_limit (
    valid_from date           not null primary key,
    valid_to   date,
    amount     numeric(14, 2) not null check (amount > 0),
    constraint payment_sanity_limit_period check (valid_to is null or valid_to > valid_from),
    constraint payment_sanity_limit_no_overlap exclude using gist (daterange(valid_from, valid_to, '[)') with &&)
);
insert into payment_sanity_limit (valid_from, amount) values (date '2000-01-01', 1000000.00);

-- Why a payment waits in the manual queue when the matcher could have applied it (null: it found no match).
alter table payment add column held_reason varchar(200);
