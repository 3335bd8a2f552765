package io.github.spencerpark.ijava;

/**
 * IJava's entry point, as notebooks written for IJava call it
 * ({@code IJava.getKernelInstance().getRenderer().createRegistration(...)}), backed by Djinn.
 */
public final class IJava {

    private static final JavaKernel KERNEL = new JavaKernel();

    private IJava() {}

    public static JavaKernel getKernelInstance() {
        return KERNEL;
    }
}
