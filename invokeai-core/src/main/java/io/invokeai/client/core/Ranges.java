package io.invokeai.client.core;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A list of longs stored as runs of consecutive values ({@code [[first, last], ...]}), so that the item ids and
 * sweep indices of a batch of thousands cost a few numbers. Append-only while building; positional access by binary
 * search. Not thread-safe while building.
 */
final class Ranges {
    private long[] firsts = new long[4];
    private long[] lasts = new long[4];
    /** Position of each run's first value. */
    private long[] offsets = new long[4];

    private int runs;
    private long size;

    static Ranges of(long... values) {
        Ranges r = new Ranges();
        for (long v : values) {
            r.add(v);
        }
        return r;
    }

    /** Every value from {@code first} to {@code last}, inclusive. */
    static Ranges span(long first, long last) {
        Ranges r = new Ranges();
        if (last >= first) {
            r.addRun(first, last);
        }
        return r;
    }

    void add(long value) {
        if (runs > 0 && lasts[runs - 1] + 1 == value && lasts[runs - 1] != Long.MAX_VALUE) {
            lasts[runs - 1] = value;
            size++;
            return;
        }
        addRun(value, value);
    }

    private void addRun(long first, long last) {
        if (runs == firsts.length) {
            int n = runs * 2;
            firsts = Arrays.copyOf(firsts, n);
            lasts = Arrays.copyOf(lasts, n);
            offsets = Arrays.copyOf(offsets, n);
        }
        firsts[runs] = first;
        lasts[runs] = last;
        offsets[runs] = size;
        runs++;
        size += last - first + 1;
    }

    long size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The value at a position. */
    long get(long position) {
        if (position < 0 || position >= size) {
            throw new IndexOutOfBoundsException("position " + position + " of " + size);
        }
        int lo = 0;
        int hi = runs - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (offsets[mid] <= position) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return firsts[lo] + (position - offsets[lo]);
    }

    /** The position of a value, or -1; the values must be ascending (as item ids are). */
    long positionOfAscending(long value) {
        int lo = 0;
        int hi = runs - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (value < firsts[mid]) {
                hi = mid - 1;
            } else if (value > lasts[mid]) {
                lo = mid + 1;
            } else {
                return offsets[mid] + (value - firsts[mid]);
            }
        }
        return -1;
    }

    void forEach(LongConsumer action) {
        for (int i = 0; i < runs; i++) {
            for (long v = firsts[i]; v <= lasts[i]; v++) {
                action.accept(v);
                if (v == Long.MAX_VALUE) {
                    break;
                }
            }
        }
    }

    /** The first {@code n} values. */
    Ranges head(long n) {
        Ranges r = new Ranges();
        long left = Math.min(n, size);
        for (int i = 0; i < runs && left > 0; i++) {
            long len = Math.min(left, lasts[i] - firsts[i] + 1);
            r.addRun(firsts[i], firsts[i] + len - 1);
            left -= len;
        }
        return r;
    }

    /** All but the first {@code n} values. */
    Ranges tail(long n) {
        Ranges r = new Ranges();
        long skip = n;
        for (int i = 0; i < runs; i++) {
            long len = lasts[i] - firsts[i] + 1;
            if (skip >= len) {
                skip -= len;
                continue;
            }
            r.addRun(firsts[i] + skip, lasts[i]);
            skip = 0;
        }
        return r;
    }

    JsonArray toJson() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (int i = 0; i < runs; i++) {
            a.add(Json.createArrayBuilder().add(firsts[i]).add(lasts[i]));
        }
        return a.build();
    }

    static Ranges fromJson(JsonValue json) {
        Ranges r = new Ranges();
        if (json instanceof JsonArray a) {
            for (JsonValue run : a) {
                if (run instanceof JsonArray pair
                        && pair.size() == 2
                        && pair.get(0) instanceof JsonNumber first
                        && pair.get(1) instanceof JsonNumber last
                        && last.longValue() >= first.longValue()) {
                    r.addRun(first.longValue(), last.longValue());
                } else {
                    throw new IllegalArgumentException("not a range: " + run);
                }
            }
        }
        return r;
    }

    @Override
    public String toString() {
        return toJson().toString();
    }
}
