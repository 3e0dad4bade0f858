package io.tributary.daemon.cli.render;

import java.util.List;
import java.util.Map;

/**
 * One JSON shape of the CLI contract ({@code CLI.md}) and the same thing as a row of a readable table. Each shape
 * has one renderer, which every command printing that shape uses, so a field added to the shape reaches them all.
 */
public interface Renderer<T> {
    /** The item's JSON document: the contract's fields (always present, null when unknown) and any extras. */
    Map<String, Object> json(T item);

    /** The table's header row. */
    List<String> headers();

    /** The item's table row, one cell per header; a null cell is shown as {@code -}. */
    List<String> row(T item);
}
