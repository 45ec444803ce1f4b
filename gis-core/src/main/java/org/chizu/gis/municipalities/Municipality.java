package org.chizu.gis.municipalities;

import org.chizu.platform.Label;

/**
 * A municipality the platform serves (市区町村).
 *
 * @param code its five-digit local-government code without check digit ("32204" for Masuda)
 * @param name its name in Japanese and English
 */
public record Municipality(String code, Label name) {
}
