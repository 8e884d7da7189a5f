-- A partner call the application marks for staff's attention (e.g. the date-of-birth confirmation that locked an account).
alter table partner_call add column flag varchar(40);
