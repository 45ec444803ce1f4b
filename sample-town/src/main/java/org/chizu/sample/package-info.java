/**
 * The sample town around Masuda (益田市) and Yasugi (安来市), loaded on the first run: the real public
 * boundaries and shelters shipped with this module, loaded through gis-core as a real town's are, and
 * deterministic generated roads, forests, water pipes and hazard zones laid out on that real geography,
 * marked as sample data. The public API is {@link org.chizu.sample.SampleTownLoader} and the shipped
 * files {@link org.chizu.sample.PublicDataFile}; everything else is package-private.
 */
package org.chizu.sample;
