-- An order whose start of supply goes to Elhub waits in Import for Elhub's answer: the process it asked for (in
-- elhub-integration's elhub_supply_process; no foreign key across the modules' tables).
alter table contract_order add column supply_process_id bigint;
create unique index contract_order_supply_process on contract_order (supply_process_id) where supply_process_id is not null;
