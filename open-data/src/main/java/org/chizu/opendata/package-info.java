/** OGC API - Features and downloads of every public layer (issue 5). */
package org.chizu.opendata;
