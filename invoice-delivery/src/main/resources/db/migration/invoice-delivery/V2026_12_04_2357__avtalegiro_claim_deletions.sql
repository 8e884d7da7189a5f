-- A claim whose invoice is credited before its due date is withdrawn: the next claim file carries a deletion
-- (assignment type 36, transaction type 93) for it, recorded here so it is sent once and the claim no longer pays.
alter table avtalegiro_claim add column deleted_in bigint references avtalegiro_transmission (id);
alter table avtalegiro_transmission add column deletions int not null default 0;
alter table avtalegiro_transmission add column deleted_amount_ore bigint not null default 0;
create index avtalegiro_claim_standing on avtalegiro_claim (due_date) where deleted_in is null;
