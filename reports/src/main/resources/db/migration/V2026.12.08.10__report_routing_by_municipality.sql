-- Several municipalities side by side: a rule may be for one of them only (its five-digit code), so
-- that a report in one town goes to that town's office. A rule without a code holds in every town.
alter table report_routing_rule
    add column municipality_code text check (municipality_code ~ '^[0-9]{5}$');
