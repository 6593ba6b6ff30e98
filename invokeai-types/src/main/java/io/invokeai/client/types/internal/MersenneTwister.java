package io.invokeai.client.types.internal;

/**
 * MT19937 with the 2002 initialisation, as the GUI's {@code mtwist} package implements it, so that seeded random
 * generators produce the GUI's values: {@link #random()} is the next 32-bit output divided by 2^32.
 */
public final class MersenneTwister {
    private static final int N = 624;
    private static final int M = 397;
    private static final int MATRIX_A = 0x9908b0df;
    private static final int UPPER_MASK = 0x80000000;
    private static final int LOWER_MASK = 0x7fffffff;

    private final int[] mt = new int[N];
    private int mti;

    /** Seeds with the low 32 bits of {@code seed}, like JavaScript's {@code seed >>> 0}. */
    public MersenneTwister(long seed) {
        mt[0] = (int) seed;
        for (int i = 1; i < N; i++) {
            mt[i] = 1812433253 * (mt[i - 1] ^ (mt[i - 1] >>> 30)) + i;
        }
        mti = N;
    }

    /** The next output, an unsigned 32-bit integer in {@code [0, 2^32)}. */
    public long nextUInt32() {
        if (mti >= N) {
            twist();
        }
        int y = mt[mti++];
        y ^= y >>> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >>> 18;
        return Integer.toUnsignedLong(y);
    }

    /** A double in {@code [0, 1)} with 32-bit resolution, like the GUI's {@code random()}. */
    public double random() {
        return nextUInt32() / 4294967296.0;
    }

    private void twist() {
        for (int i = 0; i < N; i++) {
            int y = (mt[i] & UPPER_MASK) | (mt[(i + 1) % N] & LOWER_MASK);
            mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? MATRIX_A : 0);
        }
        mti = 0;
    }
}
