-- A datastream's observations in the order SensorThings reads its newest ones
-- ($orderby=phenomenonTime desc, ties by id): the index gives that order whole, so "the latest value of
-- every datastream" ($expand=Observations($orderby=phenomenonTime desc;$top=1)) reads one entry per
-- partition instead of sorting each partition's ties. It serves everything the index it replaces did.
create index if not exists sta_observation_datastream_newest on sta_observation (datastream_id, phenomenon_time_start desc, id desc);
drop index if exists sta_observation_datastream_time;
