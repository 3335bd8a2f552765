package io.djinn.kernel.install;

import io.djinn.kernel.Env;
import io.djinn.kernel.KernelLayout;
import io.djinn.kernel.runtime.RuntimeJars;
import io.djinn.kernel.runtime.TorchFlavor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Puts DJL's PyTorch native libraries into a directory before any notebook runs, the way a runtime
 * would on its first tensor op: the CPU build (unpacked from its Maven Central jar) always, and a CUDA
 * build when asked (DJL downloads it; no GPU is needed to prepare it). A kernel whose DJINN_CACHE_DIR
 * is that directory then downloads nothing, so images and offline machines can run with DJINN_OFFLINE.
 */
@Command(name = "natives", mixinStandardHelpOptions = true,
        description = "Prepares DJL's PyTorch native libraries in a directory (the kernel's DJINN_CACHE_DIR) so "
                + "that notebooks download nothing: the CPU build always, and the CUDA build --torch-flavor names.")
public final class NativesCommand implements Callable<Integer> {

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "where to put them (default: DJINN_CACHE_DIR, else ~/.cache/djinn/djl); "
                    + "install the kernelspec with --env DJINN_CACHE_DIR=DIR to use them")
    Path cacheDir;

    @Option(names = "--torch-flavor", paramLabel = "FLAVOR", defaultValue = "cpu",
            description = "cpu (the default), or a CUDA flavor such as " + TorchFlavor.DEFAULT_CUDA_FLAVOR
                    + " to prepare that build as well (downloaded by DJL, about 2 GB)")
    String torchFlavor;

    @Option(names = "--java", paramLabel = "PATH", description = "the java executable (default: the one running this)")
    Path java;

    @Override
    public Integer call() throws IOException, InterruptedException {
        List<String> flavors = new ArrayList<>(List.of("cpu"));
        if (!torchFlavor.equals("cpu")) {
            try {
                TorchFlavor.validate(torchFlavor);
            } catch (IllegalArgumentException e) {
                System.err.println("error: --torch-flavor: " + e.getMessage().replace("DJINN_TORCH_FLAVOR ", "it "));
                return 2;
            }
            if (torchFlavor.equals("auto")) {
                System.err.println("error: --torch-flavor: name the build to prepare, cpu or a CUDA flavor such as "
                        + TorchFlavor.DEFAULT_CUDA_FLAVOR + " (auto is decided when a kernel starts)");
                return 2;
            }
            flavors.add(torchFlavor);
        }
        Env env = Env.system();
        Path directory = (cacheDir != null ? cacheDir : env.djlCacheDir()).toAbsolutePath();
        RuntimeJars jars = new RuntimeJars(KernelLayout.locate().runtimeClasspath());
        TorchFlavor.Machine machine = TorchFlavor.machine(env.offline(), directory, jars);
        for (String flavor : flavors) {
            TorchFlavor.Choice choice = TorchFlavor.choose(flavor, "", "", machine);
            if (!choice.flavor().equals(flavor)) {
                System.err.println("error: cannot prepare " + flavor + ": downloads are off (DJINN_OFFLINE) and it is not"
                        + " already in " + directory);
                return 1;
            }
            String loaded = load(choice, jars, directory, env.offline());
            if (loaded == null) {
                System.err.println("error: libtorch " + flavor + " could not be prepared in " + directory);
                return 1;
            }
            System.out.println(flavor + ": " + loaded);
        }
        return 0;
    }

    private String load(TorchFlavor.Choice choice, RuntimeJars jars, Path directory, boolean offline)
            throws IOException, InterruptedException {
        return EngineProbe.load(choice, jars, directory, offline, java);
    }
}
