-- One unit's slots from :from to :to (dates, both included), day by day from its opening hours
-- in the town's time (:zone), each with whether a live booking overlaps it. A hold that has lapsed
-- counts as free. The period's live bookings are read once (index booking_live_unit_idx) into one
-- multirange that each slot is tested against. Holidays are the caller's to apply: it
-- knows the published list.
with u as (
    select id, make_interval(mins => slot_minutes) as slot from booking_unit where id = :unit
), live as (
    select coalesce(range_agg(b.period), '{}') as periods
    from booking b
    where b.unit_id = :unit
      and b.state in ('held', 'applied', 'confirmed')
      and (b.state <> 'held' or b.held_until > now())
      and upper(b.period) > cast(:from as timestamp) at time zone :zone
      and lower(b.period) < (cast(:to as timestamp) + interval '1 day') at time zone :zone
)
select cast(d.day as date) as day,
       s.starts,
       s.starts + u.slot as ends,
       live.periods && tstzrange(s.starts, s.starts + u.slot) as taken
from u
cross join live
cross join generate_series(cast(:from as timestamp), cast(:to as timestamp), interval '1 day') as d(day)
join booking_unit_hours h on h.unit_id = u.id and h.weekday = extract(isodow from d.day)
cross join lateral generate_series((d.day + h.opens) at time zone :zone,
                                   (d.day + h.closes) at time zone :zone - u.slot,
                                   u.slot) as s(starts)
order by s.starts
