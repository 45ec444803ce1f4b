/** The public web map and its pages (issue 3). */
package org.chizu.webmap;
