package io.djinn.kernel.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime JVM's jars, as shipped in the kernel's {@code runtime/} directory: which one is the
 * runtime agent, which one carries the CPU libtorch (and so its version), and the classpath for a
 * given libtorch choice. The kernel and {@code djinn natives} both start JVMs from them.
 */
public record RuntimeJars(List<Path> jars) {

    private static final String CPU_NATIVE_PREFIX = "pytorch-native-cpu-";
    private static final String ENGINE_PREFIX = "pytorch-engine-";
    private static final String JNI_PREFIX = "pytorch-jni-";

    /** The classpath for a choice: without the CPU native jar when CUDA libtorch is to load (DJL prefers the jar). */
    public List<String> classpath(TorchFlavor.Choice torch) {
        List<String> entries = new ArrayList<>();
        for (Path jar : jars) {
            if (torch.cpuJar() || !isCpuNativeJar(jar)) {
                entries.add(jar.toString());
            }
        }
        return entries;
    }

    /**
     * The libtorch version DJL's own JNI is built for, from the JNI jar's name (pytorch-jni-2.7.1-0.35.1.jar), else
     * from the CPU native jar's (pytorch-native-cpu-2.7.1-linux-x86_64.jar). A kernel shipped without the CPU
     * libtorch (to run on a libtorch of its machine) still knows it.
     */
    public String libtorchVersion() throws IOException {
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (name.startsWith(JNI_PREFIX) && name.endsWith(".jar")) {
                return name.substring(JNI_PREFIX.length()).replaceFirst("-[^-]*\\.jar$", "");
            }
        }
        for (Path jar : jars) {
            if (isCpuNativeJar(jar)) {
                return jar.getFileName().toString().substring(CPU_NATIVE_PREFIX.length()).replaceFirst("-linux-.*", "");
            }
        }
        throw new IOException("no " + JNI_PREFIX + "* or " + CPU_NATIVE_PREFIX + "* jar among the runtime's jars");
    }

    /** DJL's version, from the PyTorch engine's jar name (pytorch-engine-0.35.1.jar); its JNI must be built from it. */
    public String djlVersion() throws IOException {
        for (Path jar : jars) {
            String name = jar.getFileName().toString();
            if (name.startsWith(ENGINE_PREFIX) && name.endsWith(".jar")) {
                return name.substring(ENGINE_PREFIX.length(), name.length() - ".jar".length());
            }
        }
        throw new IOException("no " + ENGINE_PREFIX + "* jar among the runtime's jars");
    }

    /** The djinn-runtime jar, which is also the runtime's Java agent. */
    public Path runtimeAgent() throws IOException {
        for (Path jar : jars) {
            if (jar.getFileName().toString().startsWith("djinn-runtime-")) {
                return jar;
            }
        }
        throw new IOException("no djinn-runtime jar among the runtime's jars");
    }

    private static boolean isCpuNativeJar(Path jar) {
        return jar.getFileName().toString().startsWith(CPU_NATIVE_PREFIX);
    }
}
