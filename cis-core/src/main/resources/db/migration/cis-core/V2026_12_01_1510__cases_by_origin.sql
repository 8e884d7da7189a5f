-- a partner reads the work orders it opened
create index service_case_origin on service_case (origin, kind, case_number);
