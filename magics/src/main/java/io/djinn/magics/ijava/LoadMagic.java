package io.djinn.magics.ijava;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = {"Runs a .jsh, .jshell, .java or .ijava file, or the code cells of an .ipynb notebook, in this "
                + "session. As in IJava, FILE may leave out its extension: FILE is tried as it is, then with each of "
                + "those extensions in that order (%%load ../utils/djl-imports runs djl-imports.ipynb).",
            "Stops at the first cell that fails; errors name the file, the notebook cell and the line."})
public final class LoadMagic implements LineMagic {

    /** The extensions IJava tries, in its order. */
    static final List<String> EXTENSIONS = List.of(".jsh", ".jshell", ".java", ".ijava", ".ipynb");

    @Parameters(index = "0", paramLabel = "FILE", description = "a .jsh, .jshell, .java, .ijava or .ipynb file")
    String file;

    @Override
    public void run(MagicContext context) throws Exception {
        Path path = resolve(context.workingDirectory(), file);
        String name = path.getFileName().toString();
        if (name.endsWith(".ipynb")) {
            List<String> cells = notebookCodeCells(path);
            for (int i = 0; i < cells.size(); i++) {
                if (!context.runCell(cells.get(i), false, name + ", code cell " + (i + 1))) {
                    throw new MagicException("%load: stopped at code cell " + (i + 1) + " of " + name + ", which failed.");
                }
            }
        } else if (!context.runCell(Files.readString(path), false, name)) {
            throw new MagicException("%load: " + name + " failed.");
        }
    }

    /** The file as given, or with the first of IJava's extensions that names a file. */
    static Path resolve(Path workingDirectory, String file) throws MagicException {
        Path given = workingDirectory.resolve(file).normalize();
        if (Files.isRegularFile(given)) {
            return given;
        }
        for (String extension : EXTENSIONS) {
            Path candidate = given.resolveSibling(given.getFileName() + extension);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new MagicException("%load: no file " + given + " (nor with " + String.join(", ", EXTENSIONS) + ")");
    }

    static List<String> notebookCodeCells(Path notebook) throws MagicException {
        JsonObject root;
        try {
            root = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            throw new MagicException("%load: " + notebook + " is not a readable notebook: " + e.getMessage());
        }
        List<String> sources = new ArrayList<>();
        if (!root.has("cells")) {
            throw new MagicException("%load: " + notebook + " has no cells (nbformat 4 expected).");
        }
        for (JsonElement cell : root.getAsJsonArray("cells")) {
            JsonObject object = cell.getAsJsonObject();
            if (!"code".equals(object.get("cell_type").getAsString())) {
                continue;
            }
            JsonElement source = object.get("source");
            StringBuilder text = new StringBuilder();
            if (source.isJsonArray()) {
                source.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            } else {
                text.append(source.getAsString());
            }
            if (!text.toString().isBlank()) {
                sources.add(text.toString());
            }
        }
        return sources;
    }
}
