package org.chizu.forestry.laser;

/**
 * One laser return as Chizu writes it (LAS point format 1).
 *
 * @param returnNumber    1 for the first return of its pulse
 * @param numberOfReturns how many returns its pulse gave
 * @param classification  the ASPRS class: 2 ground, 5 high vegetation …
 */
public record LasPoint(double x, double y, double z, int intensity, int returnNumber, int numberOfReturns,
        int classification, double gpsTime) {
}
