-- The confirmation of an instalment plan (avdragsavtale) to the customer: a letter with every instalment's due date,
-- amount and KID — by e-mail with the letter as PDF, or on paper through the print batches. Queued in the transaction
-- that makes the plan (one per plan), sent by its own small outbox: attempts with doubling waits until the deadline, an
-- e-mail refused for good goes on paper instead.
create table instalment_plan_letter (
    id                  bigint generated always as identity primary key,
    plan_id             bigint       not null unique references instalment_plan (id),
    customer_id         bigint       not null references customer (id),
    channel             varchar(10)  not null check (channel in ('EMAIL', 'PAPER')),
    status              varchar(10)  not null check (status in ('PENDING', 'DONE', 'FAILED')),
    attempts            int          not null default 0,
    next_attempt_at     timestamptz  not null,
    deadline_at         timestamptz  not null,
    last_error          text,
    document            bytea,       -- the letter as sent (PDF/A)
    created_at          timestamptz  not null,
    sent_at             timestamptz,
    handed_to_print_at  timestamptz
);
create index instalment_plan_letter_due on instalment_plan_letter (next_attempt_at) where status = 'PENDING';

-- a print item is now one of three: an invoice's paper send, a dunning letter, or a plan confirmation on paper
alter table print_item add column plan_letter_id bigint unique references instalment_plan_letter (id);
alter table print_item drop constraint print_item_one_source;
alter table print_item add constraint print_item_one_source
    check ((send_id is not null and delivery_id is not null and dunning_send_id is null and plan_letter_id is null)
        or (send_id is null and delivery_id is null and dunning_send_id is not null and plan_letter_id is null)
        or (send_id is null and delivery_id is null and dunning_send_id is null and plan_letter_id is not null));
