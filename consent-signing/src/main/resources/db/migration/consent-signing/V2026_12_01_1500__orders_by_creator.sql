-- a partner reads the orders it placed (newest first)
create index contract_order_created_by on contract_order (created_by, order_number desc);
