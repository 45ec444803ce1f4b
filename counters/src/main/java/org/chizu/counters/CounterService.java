package org.chizu.counters;

import java.util.List;

import org.chizu.platform.Label;

/**
 * A service handled at counters (手続き), such as 住民票の写し.
 *
 * @param code           its identifier in addresses ({@code juminhyo})
 * @param prefix         the letter its ticket numbers start with (A12)
 * @param typicalMinutes minutes per resident when there is no history to estimate from
 * @param documents      what a resident brings (持ち物), in order
 */
public record CounterService(long id, String code, String prefix, Label name, int typicalMinutes, List<Label> documents) {
}
