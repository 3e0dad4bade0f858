package io.tributary.daemon.cli;

import io.tributary.spi.EntityType;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code products} or {@code orders}, in any case. */
final class EntityConverter implements ITypeConverter<EntityType> {
    @Override
    public EntityType convert(String value) {
        try {
            return EntityType.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
