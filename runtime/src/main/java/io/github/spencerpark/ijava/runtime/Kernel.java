package io.github.spencerpark.ijava.runtime;

import io.github.spencerpark.ijava.IJava;
import io.github.spencerpark.ijava.JavaKernel;

/** IJava's statically imported kernel functions, for notebooks that name this class. */
public final class Kernel {

    private Kernel() {}

    public static JavaKernel getKernelInstance() {
        return IJava.getKernelInstance();
    }

    public static Object eval(String expr) {
        return IJava.getKernelInstance().eval(expr);
    }
}
