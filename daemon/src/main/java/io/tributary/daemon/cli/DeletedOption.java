package io.tributary.daemon.cli;

import io.tributary.record.Deleted;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The {@code --deleted} filter of the record listings: records deleted at the source, as reconciliation found. */
final class DeletedOption {
    @Option(names = "--deleted", paramLabel = "exclude|include|only", converter = Converter.class,
            description = "Records deleted at the source (found by 'reconcile' or 'sync --full'; they are kept, "
                    + "with deletedAt): exclude them (default), include them, or list only them.")
    Deleted deleted = Deleted.EXCLUDE;

    /** " deleted at the source" with --deleted only, else "": for the sentence of an empty listing. */
    String describe() {
        return deleted == Deleted.ONLY ? " deleted at the source" : "";
    }

    static final class Converter implements ITypeConverter<Deleted> {
        @Override
        public Deleted convert(String value) {
            try {
                return Deleted.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
