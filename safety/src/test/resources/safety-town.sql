-- A corner of Masuda (益田市) with one landslide zone, one flood zone, three shelters and a town
-- hall that is no shelter. Coordinates are JGD2011 longitude/latitude.
insert into municipalities (code, name_ja, name_en, geom) values
  ('32204', '益田市', 'Masuda', st_multi(st_makeenvelope(131.70, 34.55, 132.00, 34.80, 6668)));

insert into hazard_zones (kind, name, source, geom) values
  ('landslide_warning', '高津川沿い急傾斜地', 'sample', st_multi(st_makeenvelope(131.840, 34.670, 131.845, 34.675, 6668))),
  ('flood', '益田川流域', 'sample', st_multi(st_makeenvelope(131.860, 34.680, 131.870, 34.690, 6668)));

insert into facilities (kind, name, address, capacity, for_landslide, for_flood, geom) values
  ('designated_shelter', '高津公民館', '益田市高津一丁目', 120, false, true, st_setsrid(st_makepoint(131.8440, 34.6700), 6668)),
  ('emergency_evacuation_site', '益田小学校', '益田市本町', 600, true, true, st_setsrid(st_makepoint(131.8500, 34.6760), 6668)),
  ('designated_shelter', '吉田体育館', '益田市吉田町', 300, null, null, st_setsrid(st_makepoint(131.8300, 34.6650), 6668)),
  ('office', '益田市役所', '益田市常盤町', null, null, null, st_setsrid(st_makepoint(131.8426, 34.6726), 6668));
