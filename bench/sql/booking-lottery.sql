-- bench/booking.sh's lottery: every unit goes by lottery for February 2027, whose applications
-- closed long ago; 10,000 entries by 10,000 verified residents for one-hour slots spread over the
-- month's days and hours (setseed: the same entries every run), about a third weighted 2; and a
-- staff account with the API token "chizu_bench_staff" to draw it.
update booking_unit set by_lottery = true;

insert into booking_lottery (id, month, applications_open, applications_close, confirm_by, max_entries)
overriding system value values (1, '2027-02-01', '2026-01-01', '2026-01-02', '2099-01-01', 4);

select setseed(0.17);
insert into booking_lottery_entry (lottery_id, unit_id, period, account_id, applicant, fee_class, fee_yen, quote, priority, weight)
select 1, unit, tstzrange(s, s + interval '1 hour'), 800000 + n, 'person:' || (800000 + n), 'resident', 1000, '{}', 0,
       case when n % 3 = 0 then 2 else 1 end
from (select n, 1 + floor(random() * 100)::int as unit,
             (date '2027-02-01' + floor(random() * 28)::int + make_interval(hours => 8 + floor(random() * 14)::int))
                 at time zone 'Asia/Tokyo' as s
      from generate_series(1, 10000) n) e
on conflict do nothing;

insert into account (kind, name, display_name, role, password_hash)
values ('staff', 'bench-staff', 'ベンチ職員', 'staff', '{noop}unused');
insert into api_token (account_id, token_hash, label)
select id, encode(sha256(convert_to('chizu_bench_staff', 'UTF8')), 'hex'), 'bench' from account where name = 'bench-staff';
