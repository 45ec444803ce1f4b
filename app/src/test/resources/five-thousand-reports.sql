-- 5,000 reports around Masuda (report-town.sql) over the last 200 days, of every category; a third
-- accepted, a tenth closed three days after they came in. For the staff list's test and bench.
insert into report (submission_key, category, description, channel, municipality_code, body_code,
                    body_name_ja, body_name_en, status, moderation, reported_at, geom)
select 'load-report-' || n, (array['pothole','fallen_tree','street_light','guardrail','water_leak'])[n % 5 + 1],
       '穴があります ' || n, 'web', '32204', 'city_roads', '建設部 道路河川課', 'City Road and River Section',
       case when n % 10 = 0 then 'closed' else 'open' end,
       case when n % 3 = 0 then 'accepted' else 'new' end,
       now() - (n % 200) * interval '1 day' - n * interval '1 second',
       st_setsrid(st_makepoint(131.80 + (n % 100) * 0.0008, 34.66 + (n / 100) * 0.0005), 6668)
from generate_series(1, 5000) n;
insert into report_update (report_id, status, changed_by, changed_at)
select id, 'closed', 'tanaka', reported_at + interval '3 days' from report where submission_key like 'load-report-%' and status = 'closed';
