/**
 * The sample town around Masuda (益田市) and Yasugi (安来市), loaded on the first run: real public
 * boundaries and shelters where the shared data folder has them, and deterministic generated roads,
 * forests, water pipes and hazard zones laid out on that real geography, marked as sample data.
 * The public API is {@link org.chizu.sample.SampleTownLoader} and its settings
 * {@link org.chizu.sample.SampleTownProperties}; everything else is package-private.
 */
package org.chizu.sample;
