package io.invokeai.client.types.internal;

import io.invokeai.client.FieldSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Exact number handling. Numbers travel as {@link BigDecimal} so that what the user wrote is what the server gets:
 * {@code 0.7f} is {@code 0.7} (its decimal text), not {@code 0.699999988079071}.
 */
public final class Numbers {
    private Numbers() {}

    /**
     * The exact decimal of a Java number, or {@code null} for NaN and infinities. A {@code Float} or {@code Double}
     * converts through its shortest decimal text ({@link Float#toString}, {@link Double#toString}).
     */
    public static BigDecimal exact(Number n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Integer
                || n instanceof Long
                || n instanceof Short
                || n instanceof Byte
                || n instanceof AtomicInteger
                || n instanceof AtomicLong) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (n instanceof Float f) {
            return Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
        }
        if (n instanceof Double d) {
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        try {
            return new BigDecimal(n.toString());
        } catch (NumberFormatException e) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
    }

    /** Drops trailing zeros without going to exponent form: {@code 7.50 -> 7.5}, {@code 1E+2 -> 100}. */
    public static BigDecimal canonical(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /**
     * The value as a {@code long}.
     *
     * @throws Rejection when it has a fractional part or does not fit
     */
    public static long toLong(BigDecimal d) {
        BigDecimal c = canonical(d);
        if (c.scale() > 0) {
            throw new Rejection("not a whole number");
        }
        if (c.unscaledValue().bitLength() > 63) {
            throw new Rejection("out of the range of a long");
        }
        return c.longValueExact();
    }

    /**
     * Converts a given Java value (after {@link Values#unwrap}) to an exact number.
     *
     * @throws Rejection for text (which is never parsed: a typo should fail here, not become a number), booleans and
     *     anything else that is not a finite number
     */
    public static BigDecimal number(Object value) {
        if (value instanceof CharSequence) {
            throw new Rejection("text is not converted to a number");
        }
        if (!(value instanceof Number n)) {
            throw new Rejection(null);
        }
        BigDecimal d = exact(n);
        if (d == null) {
            throw new Rejection("not a finite number");
        }
        return d;
    }

    /** Checks minimum, maximum, exclusive bounds and multipleOf. */
    public static void checkRange(FieldSpec spec, BigDecimal d) {
        if (!spec.constraints().accepts(d)) {
            throw new Rejection(null);
        }
    }
}
