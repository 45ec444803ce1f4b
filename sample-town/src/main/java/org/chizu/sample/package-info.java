/** The sample town around Masuda and Yasugi, loaded on the first run. */
package org.chizu.sample;
