/** The DCAT catalog, CKAN-compatible API and SPARQL endpoint (issue 6). */
package org.chizu.catalog;
