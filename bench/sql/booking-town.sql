-- bench/booking.sh's town: 100 facilities around Masuda with one bookable unit each (half closed on
-- holidays, a few needing approval), open every day 08:00–22:00 by the hour, about a third of
-- January 2027's slots already booked, and 200 residents with API tokens "chizu_bench_resident_<n>".
insert into facilities (id, kind, name, geom) overriding system value
select n, 'hall', 'ベンチ施設 ' || n, st_setsrid(st_makepoint(131.80 + (n % 10) * 0.01, 34.65 + (n / 10) * 0.005), 6668)
from generate_series(1, 100) n;

insert into booking_unit (id, facility_id, kind, name_ja, name_en, capacity, slot_minutes, max_slots,
                          closed_on_holidays, needs_approval) overriding system value
select n, n, (array['hall', 'room', 'gym', 'pitch'])[1 + n % 4], '部屋 ' || n, 'Room ' || n, 20 + n, 60, 4,
       n % 2 = 0, n % 10 = 0
from generate_series(1, 100) n;

insert into booking_unit_hours (unit_id, weekday, opens, closes)
select u, d, '08:00', '22:00' from generate_series(1, 100) u, generate_series(1, 7) d;

-- Every third slot of every unit in January 2027, confirmed, one hour each, by accounts that do not sign in.
insert into booking (unit_id, account_id, period, state)
select u, 900000 + u, tstzrange(s, s + interval '1 hour'), 'confirmed'
from generate_series(1, 100) u,
     generate_series(timestamp '2027-01-01 08:00', timestamp '2027-01-31 21:00', interval '3 hours') t,
     lateral (select t at time zone 'Asia/Tokyo' as s) slot
where t::time between '08:00' and '21:00';

insert into account (kind, display_name, password_hash, email, email_verified_at)
select 'resident', 'ベンチ住民 ' || n, '{noop}unused', 'bench' || n || '@example.jp', now()
from generate_series(1, 200) n;

insert into api_token (account_id, token_hash, label)
select a.id, encode(sha256(convert_to('chizu_bench_resident_' || substring(a.email from 'bench(\d+)@'), 'UTF8')), 'hex'), 'bench'
from account a where a.email like 'bench%@example.jp';
