-- A few features of central Masuda (益田市), all in JGD2011 (EPSG:6668). The national road, the
-- municipal road, the shelter, the hall, the flood zone and the water main meet around
-- 131.8425 E, 34.6745 N; the forest lies apart, to the south-east.
insert into roads (route_no, name, road_class, administrator, width_m, surface, geom) values
    ('9', '国道9号', 'national', '国土交通省', 12.50, 'asphalt',
     st_geomfromtext('MULTILINESTRING((131.8350 34.6745, 131.8425 34.6746, 131.8500 34.6748))', 6668)),
    ('1021', '本町線', 'municipal', '益田市', 5.00, 'asphalt',
     st_geomfromtext('MULTILINESTRING((131.8425 34.6710, 131.8426 34.6745, 131.8428 34.6780))', 6668));

insert into facilities (kind, name, address, capacity, for_flood, for_earthquake, geom) values
    ('designated_shelter', '益田小学校', '島根県益田市本町1-1', 500, true, true,
     st_geomfromtext('POINT(131.8430 34.6750)', 6668)),
    ('hall', '本町公民館', '島根県益田市本町2-3', 80, false, true,
     st_geomfromtext('POINT(131.8410 34.6740)', 6668));

insert into hazard_zones (kind, flood_depth_class, name, source, designated_on, geom) values
    ('flood', '0_5_to_3m', '益田川洪水浸水想定区域', '島根県', '2020-04-01',
     st_geomfromtext('MULTIPOLYGON(((131.8380 34.6710, 131.8470 34.6710, 131.8470 34.6780, 131.8380 34.6780, 131.8380 34.6710)))', 6668));

insert into water_pipes (pipe_id, material, diameter_mm, installed_year, geom) values
    ('P-0001', 'DIP', 150, 1988,
     st_geomfromtext('MULTILINESTRING((131.8420 34.6740, 131.8430 34.6750))', 6668));

insert into forests (compartment, subcompartment, species, planting_year, area_ha, ownership, geom) values
    ('12', 'い', 'スギ', 1975, 4.20, 'private',
     st_geomfromtext('MULTIPOLYGON(((131.9000 34.6000, 131.9100 34.6000, 131.9100 34.6100, 131.9000 34.6100, 131.9000 34.6000)))', 6668));
