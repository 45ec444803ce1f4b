-- Three offices of the facilities layer and a few roads, as the counters tests use them. From the
-- start place S (131.800, 34.700): office "east" lies 0.9 km east along one road, office "north"
-- 1.3 km north along another, and a road joins north to east. A fourth road crosses the S–east road
-- half-way (no vertex there in the ledger) and leads south to office "south".
insert into facilities (id, kind, name, address, geom) overriding system value values
    (1, 'office', '東支所', '島根県益田市東町1', st_setsrid(st_makepoint(131.810, 34.700), 6668)),
    (2, 'office', '北支所', '島根県益田市北町1', st_setsrid(st_makepoint(131.800, 34.712), 6668)),
    (3, 'office', '南出張所', '島根県益田市南町1', st_setsrid(st_makepoint(131.805, 34.690), 6668));

insert into roads (id, road_class, name, geom) overriding system value values
    (1, 'municipal', 'S–東', st_multi(st_geomfromtext('LINESTRING(131.800 34.700, 131.810 34.700)', 6668))),
    (2, 'municipal', 'S–北', st_multi(st_geomfromtext('LINESTRING(131.800 34.700, 131.800 34.712)', 6668))),
    (3, 'municipal', '北–東', st_multi(st_geomfromtext('LINESTRING(131.800 34.712, 131.810 34.700)', 6668))),
    (4, 'municipal', '南北線', st_multi(st_geomfromtext('LINESTRING(131.805 34.690, 131.805 34.705)', 6668)));

insert into counter_service (id, code, prefix, name_ja, name_en, typical_minutes) overriding system value values
    (1, 'juminhyo', 'A', '住民票の写し', 'Certificate of residence', 6),
    (2, 'soudan', 'E', '相談', 'Consultation', 30);
insert into counter_service_document (service_id, position, name_ja, name_en) values
    (1, 1, '本人確認書類', 'Proof of identity'), (1, 2, '手数料 1通300円', 'Fee of 300 yen a copy');

-- east and north are open all day every day, holidays too, so that the tests may run at any hour;
-- only east takes tickets from phones. south handles consultations only.
insert into counter_office (id, code, facility_id, name_ja, name_en, remote_tickets, closed_on_holidays) overriding system value values
    (1, 'east', 1, '東支所', 'East branch', true, false),
    (2, 'north', 2, '北支所', 'North branch', false, false),
    (3, 'south', 3, '南出張所', 'South office', false, false);
insert into counter_office_hours (office_id, weekday, opens, closes)
    select office, weekday, '00:00', '23:59:59.999' from generate_series(1, 3) office, generate_series(1, 7) weekday;
insert into counter_office_service (office_id, service_id) values (1, 1), (2, 1), (3, 2);
