-- A metering point's settlement method (avregningsmetode, Elhub's SettlementMethodType): profiled (E01, no AMS
-- series; Elhub sends period volumes, BRS-NO-312) or time-metered (E02). Every point registered before was time-metered.
alter table metering_point_characteristics add column profiled boolean not null default false;
