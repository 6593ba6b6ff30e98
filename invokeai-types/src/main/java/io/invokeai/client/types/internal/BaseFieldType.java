package io.invokeai.client.types.internal;

import io.invokeai.client.Cardinality;
import io.invokeai.client.FieldSpec;
import io.invokeai.client.spi.FieldType;
import java.util.EnumSet;
import java.util.Set;

/** Common base of the built-in field types: matches a type name with a set of cardinalities. */
public abstract class BaseFieldType implements FieldType {
    private final String typeName;
    private final Set<Cardinality> cardinalities;

    protected BaseFieldType(String typeName, Cardinality first, Cardinality... more) {
        this.typeName = typeName;
        this.cardinalities = EnumSet.of(first, more);
    }

    @Override
    public final String typeName() {
        return typeName;
    }

    @Override
    public boolean supports(FieldSpec spec) {
        return spec.typeName().equals(typeName) && cardinalities.contains(spec.cardinality());
    }

    @Override
    public String toString() {
        return typeName + cardinalities;
    }
}
