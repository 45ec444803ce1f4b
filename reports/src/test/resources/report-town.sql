-- Central Masuda (益田市) for citizen reports: one road of each class, a water main, and the
-- municipal boundary. Coordinates are JGD2011 longitude/latitude; roads run east-west.
insert into municipalities (code, name_ja, name_en, geom) values
  ('32204', '益田市', 'Masuda', st_multi(st_makeenvelope(131.70, 34.55, 132.00, 34.80, 6668)));

insert into roads (route_no, name, road_class, administrator, width_m, surface, geom) values
  ('M-101', '高津線', 'municipal', '益田市', 5.5, 'asphalt',
   st_multi(st_setsrid(st_makeline(st_makepoint(131.8380, 34.6712), st_makepoint(131.8480, 34.6712)), 6668))),
  ('54', '県道益田澄川線', 'prefectural', '島根県益田県土整備事務所', 7.0, 'asphalt',
   st_multi(st_setsrid(st_makeline(st_makepoint(131.8380, 34.6760), st_makepoint(131.8480, 34.6760)), 6668))),
  ('9', '国道9号', 'national', '国土交通省 浜田河川国道事務所', 12.0, 'asphalt',
   st_multi(st_setsrid(st_makeline(st_makepoint(131.8380, 34.6800), st_makepoint(131.8480, 34.6800)), 6668)));

insert into water_pipes (pipe_id, material, diameter_mm, installed_year, geom) values
  ('W-0042', 'DIP', 150, 1988,
   st_multi(st_setsrid(st_makeline(st_makepoint(131.8400, 34.6730), st_makepoint(131.8400, 34.6790)), 6668)));
