-- One counter that every write of month-wide billing data (spot prices, generated price tables) moves on, in the
-- writer's own transaction. The billing keeps such data in memory per revision (MonthPrices): reading this one row after
-- the customer's horizons are locked tells it whether what it holds is still what is committed.
create table billing_data_revision (
    only_row boolean primary key default true check (only_row),
    revision bigint  not null
);
insert into billing_data_revision (only_row, revision) values (true, 1);

create function bump_billing_data_revision() returns trigger language plpgsql as $$
begin
    update billing_data_revision set revision = revision + 1;
    return null;
end;
$$;

create trigger spot_price_revision_bump after insert or update or delete or truncate on spot_price
    for each statement execute function bump_billing_data_revision();
create trigger price_table_value_revision_bump after insert or update or delete or truncate on price_table_value
    for each statement execute function bump_billing_data_revision();
