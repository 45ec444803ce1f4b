// How a sensor's level reads as a colour, the same on the alert banner, the zones and the markers.

/** The colours of severities 0 (normal) to 4, as on /alerts. */
export const SEVERITY_COLOURS = { 0: '#ffffff', 1: '#46637a', 2: '#f2c200', 3: '#c62828', 4: '#6a1b9a' };

/**
 * 0 for no level; a river's four national levels are severities 1–4 (水防団待機 … 氾濫危険); a site's
 * own levels (soil moisture, rain) start at caution, severity 2.
 */
export function levelSeverity(scheme, level) {
  if (!level) return 0;
  return Math.min(4, scheme === 'river-level' ? level : level + 1);
}
