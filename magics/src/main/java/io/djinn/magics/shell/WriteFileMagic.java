package io.djinn.magics.shell;

import io.djinn.magics.CellMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "writefile", mixinStandardHelpOptions = true,
        description = {"Writes the cell to a file, as IPython's %%%%writefile: %%%%writefile [-a] FILE.",
            "A relative FILE is in the notebook's directory, which must exist. The cell's text is written as it is "
                + "(UTF-8), with a line feed at the end. -a appends instead of replacing (and creates the file if "
                + "needed). %%load runs such a file as a cell."})
public final class WriteFileMagic implements CellMagic {

    @Option(names = {"-a", "--append"}, description = "append to the file instead of replacing it")
    boolean append;

    @Parameters(arity = "1", paramLabel = "FILE", description = "the file to write")
    String file;

    @Override
    public void run(MagicContext context, String body) throws Exception {
        Path path = context.workingDirectory().resolve(file).normalize();
        Path directory = path.getParent();
        if (directory != null && !Files.isDirectory(directory)) {
            throw new MagicException("%%writefile: there is no directory " + directory + " (create it first)");
        }
        if (Files.isDirectory(path)) {
            throw new MagicException("%%writefile: " + path + " is a directory");
        }
        boolean existed = Files.exists(path);
        String text = body.endsWith("\n") ? body : body + "\n";
        try {
            Files.writeString(path, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new MagicException("%%writefile: could not write " + path + ": " + e.getMessage());
        }
        context.print((append && existed ? "Appending to " : existed ? "Overwriting " : "Writing ") + file + "\n");
    }
}
