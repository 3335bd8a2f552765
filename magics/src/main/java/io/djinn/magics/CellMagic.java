package io.djinn.magics;

/** A {@code %%name args} magic that owns the rest of the cell; otherwise as {@link LineMagic}. */
public interface CellMagic {

    void run(MagicContext context, String body) throws Exception;
}
