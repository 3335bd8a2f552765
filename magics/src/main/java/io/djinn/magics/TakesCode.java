package io.djinn.magics;

/**
 * A line magic whose options are followed by Java code ({@code %timeit -n 100 a.add(b)}): the registry
 * parses the options with picocli and hands over the rest of the line untouched, quotes and all.
 */
public interface TakesCode {

    void code(String code);
}
