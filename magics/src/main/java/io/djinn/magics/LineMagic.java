package io.djinn.magics;

/**
 * A {@code %name args} magic. Implementations are picocli {@code @Command} classes: the registry
 * makes a fresh instance per call, fills its options from the arguments, then calls {@link #run}.
 */
public interface LineMagic {

    void run(MagicContext context) throws Exception;
}
