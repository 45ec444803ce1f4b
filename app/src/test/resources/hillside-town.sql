-- A hillside street in Masuda (益田市): a landslide warning zone, a road through it and one
-- shelter designated for landslides 330 m away. Coordinates are JGD2011 longitude/latitude.
insert into municipalities (code, name_ja, name_en, geom) values
  ('32204', '益田市', 'Masuda', st_multi(st_makeenvelope(131.70, 34.55, 132.00, 34.80, 6668)));

insert into hazard_zones (kind, name, source, geom) values
  ('landslide_warning', '高津川沿い急傾斜地', 'sample',
   st_multi(st_makeenvelope(131.8400, 34.6700, 131.8450, 34.6750, 6668)));

insert into roads (route_no, name, road_class, administrator, width_m, surface, geom) values
  ('M-101', '高津線', 'municipal', '益田市', 5.5, 'asphalt',
   st_multi(st_setsrid(st_makeline(st_makepoint(131.8380, 34.6712), st_makepoint(131.8480, 34.6732)), 6668)));

insert into facilities (kind, name, address, capacity, for_landslide, for_flood, geom) values
  ('emergency_evacuation_site', '益田小学校', '益田市本町', 600, true, true, st_setsrid(st_makepoint(131.8440, 34.6752), 6668));
