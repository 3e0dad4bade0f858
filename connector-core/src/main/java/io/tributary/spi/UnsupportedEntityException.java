package io.tributary.spi;

/** A connector was asked for an entity it does not read. Not retriable; a usage error of the caller. */
public class UnsupportedEntityException extends IllegalArgumentException {
    public UnsupportedEntityException(String systemDisplayName, EntityType entity) {
        super(systemDisplayName + " connections do not provide " + entity.cliName() + ".");
    }
}
