-- Which customer's invoice has taken a recalculation need into account. A need on a metering point that two customers
-- had in the period (a move) is handled once per customer, not once in all.
create table recalculation_need_handled (
    need_id      bigint       not null references recalculation_need (id),
    customer_id  bigint       not null references customer (id),
    invoice_id   bigint       not null references invoice (id),
    created_at   timestamptz  not null,
    created_by   varchar(100) not null,
    updated_at   timestamptz  not null,
    updated_by   varchar(100) not null,
    primary key (need_id, customer_id)
);
