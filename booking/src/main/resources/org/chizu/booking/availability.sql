-- One unit's slots from :from to :to (dates, both included), day by day from its opening hours
-- in the town's time (:zone), each with whether a live booking overlaps it. A hold that has lapsed
-- counts as free. Holidays are the caller's to apply: it knows the published list.
select cast(d.day as date) as day,
       s.starts,
       s.starts + u.slot as ends,
       exists (select 1 from booking b
               where b.unit_id = u.id
                 and b.state in ('held', 'applied', 'confirmed')
                 and (b.state <> 'held' or b.held_until > now())
                 and b.period && tstzrange(s.starts, s.starts + u.slot)) as taken
from (select id, make_interval(mins => slot_minutes) as slot from booking_unit where id = :unit) u
cross join generate_series(cast(:from as timestamp), cast(:to as timestamp), interval '1 day') as d(day)
join booking_unit_hours h on h.unit_id = u.id and h.weekday = extract(isodow from d.day)
cross join lateral generate_series((d.day + h.opens) at time zone :zone,
                                   (d.day + h.closes) at time zone :zone - u.slot,
                                   u.slot) as s(starts)
order by s.starts
