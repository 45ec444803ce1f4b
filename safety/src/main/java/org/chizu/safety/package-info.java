/**
 * "Is this place safe?" (ここは安全？): for a point, the hazard zones that contain it and the nearest
 * shelters with walking distance, preferring open shelters during an event and those designated
 * for the point's hazards. {@link org.chizu.safety.SafetyAssessor} is the module's API;
 * {@code GET /api/safety?lon=…&lat=…} serves it to the web map and anyone else.
 */
package org.chizu.safety;
