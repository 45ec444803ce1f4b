/**
 * The OGC SensorThings API 1.1 over HTTP at {@code /sta/v1.1}: resource paths, the query options
 * ($filter compiled to parameterised SQL, $expand, $select, $orderby, $top, $skip, $count), deep
 * insert, the dataArray extension and the MultiDatastream extension. Observations are written through the module's storage API.
 */
package org.chizu.sensors.sta;
