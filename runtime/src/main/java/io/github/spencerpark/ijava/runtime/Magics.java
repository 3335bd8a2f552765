package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.IJava;
import java.util.List;

/** IJava's statically imported magic functions, for notebooks that name this class: Djinn runs magics from cells. */
public final class Magics {

    private Magics() {}

    public static <T> T lineMagic(String name, List<String> args) {
        IJava.getKernelInstance().getMagics();
        return null;
    }

    public static <T> T cellMagic(String name, List<String> args, String body) {
        IJava.getKernelInstance().getMagics();
        return null;
    }
}
