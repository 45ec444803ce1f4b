/**
 * The contract between the parts of Chizu's OGC API: each part (Tiles, Features …) contributes
 * links and conformance classes to the shared root. Plain data, no HTTP.
 */
package org.chizu.platform.ogc;
