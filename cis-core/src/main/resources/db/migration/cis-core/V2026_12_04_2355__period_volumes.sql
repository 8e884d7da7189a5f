-- Profiled metering points (BRS-NO-312): the period volume Elhub sends in a ProfiledObservation — the kWh between two
-- meter readings, with its status (Metered, Estimated, Stipulated; Withdrawn takes a period back, BRS-NO-332) and the
-- readings. Every registration is kept; the one with the latest registered_at for a period is in force, so a
-- correction replaces and keeps the earlier one, and the same registration again changes nothing.
create table period_volume (
    id                  bigint generated always as identity primary key,
    metering_point_id   bigint         not null references metering_point (id),
    period_start        timestamptz    not null,
    period_end          timestamptz    not null,
    status              varchar(12)    not null check (status in ('METERED', 'ESTIMATED', 'STIPULATED', 'WITHDRAWN')),
    kwh                 numeric(15, 3) check ((status = 'WITHDRAWN') = (kwh is null)),
    read_reason         varchar(3),
    meter_reading_start numeric(15, 3),
    meter_reading_end   numeric(15, 3),
    registered_at       timestamptz    not null,
    source              varchar(200)   not null,
    stored_at           timestamptz    not null default now(),
    check (period_end > period_start),
    unique (metering_point_id, period_start, period_end, registered_at)
);
create index period_volume_point on period_volume (metering_point_id, period_start);
