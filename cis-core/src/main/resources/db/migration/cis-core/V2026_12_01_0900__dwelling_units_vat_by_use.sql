-- Dwelling units behind the meter (a housing cooperative's common meter): the strømstøtte cap is per dwelling unit.
alter table metering_point_characteristics add column dwelling_units integer not null default 1
    check (dwelling_units between 1 and 10000);
