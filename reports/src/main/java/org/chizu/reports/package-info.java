/**
 * Citizen reports (市民通報): a resident pins a pothole, fallen tree, broken street light, damaged
 * guardrail or water leak with photos; the pin is snapped to the road (or pipe) and routed to the
 * responsible body by the rules in {@code report_routing_rule}; staff moderate and triage it; the
 * resident hears back by e-mail; accepted reports appear on the public {@code reports} layer and
 * over Open311 GeoReport v2. {@link org.chizu.reports.ReportIntake} and
 * {@link org.chizu.reports.ReportTriage} are the module's API.
 */
package org.chizu.reports;
