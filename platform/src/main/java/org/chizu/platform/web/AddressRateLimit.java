package org.chizu.platform.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * How fast one client address may do something: a token bucket per address, holding {@code burst}
 * tokens refilled at {@code refill} per {@code period}. Addresses are those the server sees; behind a
 * reverse proxy set {@code server.forward-headers-strategy} so that they are the clients' own.
 */
public final class AddressRateLimit {

    /** Past this many tracked addresses, full (idle) buckets are dropped so memory stays bounded. */
    private static final int MAX_TRACKED = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final long burst;
    private final long refill;
    private final Duration period;

    public AddressRateLimit(long burst, long refill, Duration period) {
        this.burst = burst;
        this.refill = refill;
        this.period = period;
    }

    /** Takes one token of the address's bucket; false when it has none left. */
    public boolean tryTake(String address) {
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= burst);
        }
        return buckets.computeIfAbsent(address, a -> newBucket()).tryConsume(1);
    }

    /** Returns a token taken for something that did not happen after all (a refused attempt); never past the burst. */
    public void giveBack(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket != null) {
            bucket.addTokens(1);
        }
    }

    private Bucket newBucket() {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(burst).refillGreedy(refill, period).build()).build();
    }
}
