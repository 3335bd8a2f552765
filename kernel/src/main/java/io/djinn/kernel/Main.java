package io.djinn.kernel;

import io.djinn.kernel.install.BuildJniCommand;
import io.djinn.kernel.install.InstallCommand;
import io.djinn.kernel.install.NativesCommand;
import io.djinn.kernel.install.UninstallCommand;
import io.djinn.kernel.protocol.ConnectionInfo;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code java -jar djinn.jar kernel|install|uninstall|natives|build-jni}. */
@Command(name = "djinn", mixinStandardHelpOptions = true, version = "Djinn " + "${sys:djinn.version:-dev}",
        description = "Djinn, a Jupyter kernel for Java with DJL and Tablesaw preloaded.",
        subcommands = {Main.KernelCommand.class, InstallCommand.class, UninstallCommand.class, NativesCommand.class,
                BuildJniCommand.class, JvmCacheTraining.class})
public final class Main {

    public static void main(String[] args) {
        // The log level must be set before the first logger is made; the log goes to stderr.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", Env.system().logLevel());
        System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Command(name = "kernel", mixinStandardHelpOptions = true,
            description = "Runs the kernel for a Jupyter connection file (Jupyter starts it this way).")
    static final class KernelCommand implements Callable<Integer> {

        @Parameters(index = "0", paramLabel = "CONNECTION_FILE", description = "the connection file Jupyter wrote")
        Path connectionFile;

        @Override
        public Integer call() throws Exception {
            Kernel kernel = new Kernel(ConnectionInfo.read(connectionFile), Env.system(), KernelLayout.locate());
            Thread hook = new Thread(kernel::close, "djinn-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            kernel.awaitShutdown();
            Runtime.getRuntime().removeShutdownHook(hook);
            return 0;
        }
    }
}
