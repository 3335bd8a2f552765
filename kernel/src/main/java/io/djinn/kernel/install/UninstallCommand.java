package io.djinn.kernel.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "uninstall", mixinStandardHelpOptions = true, description = "Removes an installed Djinn kernelspec.")
public final class UninstallCommand implements Callable<Integer> {

    @Mixin
    KernelSpecLocation location;

    @Override
    public Integer call() throws IOException {
        Path directory = location.kernelDirectoryOrExplain();
        if (directory == null) {
            return 2;
        }
        if (!Files.isRegularFile(directory.resolve("kernel.json"))) {
            System.err.println("error: no kernelspec at " + directory);
            return 1;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
        System.out.println("Removed kernelspec " + location.name + " from " + directory);
        return 0;
    }
}
