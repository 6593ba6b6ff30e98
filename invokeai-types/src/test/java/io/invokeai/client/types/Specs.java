package io.invokeai.client.types;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.FieldSpec.Constraints;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds field specs for tests. */
final class Specs {
    private Specs() {}

    static FieldSpec spec(String typeName, Cardinality cardinality, String title) {
        return new FieldSpec(
                "node",
                "field",
                typeName,
                cardinality,
                title,
                "",
                Optional.empty(),
                Constraints.NONE,
                List.of(),
                Map.of(),
                List.of(),
                List.of(),
                false,
                "any");
    }

    static FieldSpec single(String typeName, String title) {
        return spec(typeName, Cardinality.SINGLE, title);
    }

    static Optional<BigDecimal> dec(String s) {
        return s == null ? Optional.empty() : Optional.of(new BigDecimal(s));
    }

    static Optional<Integer> num(Integer n) {
        return Optional.ofNullable(n);
    }

    /** Numeric constraints: minimum, maximum, exclusiveMinimum, exclusiveMaximum, multipleOf (null = absent). */
    static Constraints range(String min, String max, String exclusiveMin, String exclusiveMax, String multipleOf) {
        return new Constraints(
                dec(min),
                dec(max),
                dec(exclusiveMin),
                dec(exclusiveMax),
                dec(multipleOf),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    static Constraints lengths(Integer minLength, Integer maxLength) {
        return new Constraints(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                num(minLength),
                num(maxLength),
                Optional.empty(),
                Optional.empty());
    }

    static Constraints items(Constraints c, Integer minItems, Integer maxItems) {
        return new Constraints(
                c.minimum(),
                c.maximum(),
                c.exclusiveMinimum(),
                c.exclusiveMaximum(),
                c.multipleOf(),
                c.minLength(),
                c.maxLength(),
                num(minItems),
                num(maxItems));
    }
}
