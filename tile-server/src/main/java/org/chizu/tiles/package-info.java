/** Map tiles for every layer in the registry: Mapbox Vector Tiles, TileJSON and OGC API - Tiles (issue 3). */
package org.chizu.tiles;
