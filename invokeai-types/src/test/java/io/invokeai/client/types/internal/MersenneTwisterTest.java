package io.invokeai.client.types.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MersenneTwisterTest {
    @Test
    void matchesTheReferenceOutput() {
        // mt19937ar.c with init_genrand(5489)
        MersenneTwister mt = new MersenneTwister(5489);
        assertThat(mt.nextUInt32()).isEqualTo(3499211612L);
        assertThat(mt.nextUInt32()).isEqualTo(581869302L);
        assertThat(mt.nextUInt32()).isEqualTo(3890346734L);
        for (int i = 0; i < 1000; i++) {
            mt.nextUInt32(); // through a regeneration of the state
        }
        assertThat(new MersenneTwister(1).nextUInt32()).isEqualTo(1791095845L);
    }

    @Test
    void takesTheSeedAsItsUnsigned32Bits() {
        // like JavaScript's seed >>> 0: -1 is 4294967295, 2^32 + 5 is 5
        assertThat(new MersenneTwister(-1).nextUInt32()).isEqualTo(new MersenneTwister(4294967295L).nextUInt32());
        assertThat(new MersenneTwister(4294967296L + 5).nextUInt32()).isEqualTo(new MersenneTwister(5).nextUInt32());
    }

    @Test
    void passesTheSelfTestOfTheGuisGenerator() {
        // the mtwist package checks itself against the C code this way
        long seed = 3234567890L;
        for (int i = 0; i < 1000; i++) {
            MersenneTwister mt = new MersenneTwister(seed);
            long iterations = mt.nextUInt32() / 10000;
            for (long j = 0; j < iterations; j++) {
                mt.nextUInt32();
            }
            seed = mt.nextUInt32();
        }
        assertThat(seed).isEqualTo(1061063157L);
    }

    @Test
    void randomIsInTheUnitInterval() {
        MersenneTwister mt = new MersenneTwister(42);
        assertThat(mt.random()).isEqualTo(0.37454011430963874);
        for (int i = 0; i < 1000; i++) {
            assertThat(mt.random()).isBetween(0.0, 1.0).isNotEqualTo(1.0);
        }
    }
}
