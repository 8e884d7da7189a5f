-- the customer 360 lists a customer's orders: imported ones by customer number, those on their way by identity number
create index contract_order_customer on contract_order (customer_number) where customer_number is not null;
create index contract_order_national_id on contract_order (national_id) where customer_number is null and national_id is not null;
create index contract_order_organisation on contract_order (organisation_number) where customer_number is null and organisation_number is not null;
