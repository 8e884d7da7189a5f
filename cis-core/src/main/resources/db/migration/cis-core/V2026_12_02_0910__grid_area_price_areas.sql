-- Which price area (elspotområde) a grid area (nettområde, Elhub's EIC, scheme 305) lies in, dated: Statnett moves
-- grid areas between price areas now and then, from a date. Elhub's master data names a metering point's grid area;
-- this table turns it into the price area the point's characteristics carry. Rows of one grid area follow each other
-- without gaps or overlaps (the service ends the open row when a new one starts).
create table grid_area_price_area (
    eic         text        not null check (eic ~ '^[0-9]{2}[A-Z0-9-]{14}$'),
    name        text        not null,
    price_area  text        not null check (price_area in ('NO1', 'NO2', 'NO3', 'NO4', 'NO5')),
    valid_from  date        not null,
    valid_to    date,
    created_at  timestamptz not null,
    created_by  text        not null,
    primary key (eic, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
