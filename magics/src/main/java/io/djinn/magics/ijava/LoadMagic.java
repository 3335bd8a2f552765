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
        description = {"Runs a .jsh or .java file, or the code cells of an .ipynb notebook, in this session.",
            "Stops at the first cell that fails."})
public final class LoadMagic implements LineMagic {

    @Parameters(index = "0", paramLabel = "FILE", description = "a .jsh, .java or .ipynb file")
    String file;

    @Override
    public void run(MagicContext context) throws Exception {
        Path path = context.workingDirectory().resolve(file).normalize();
        if (!Files.isRegularFile(path)) {
            throw new MagicException("%load: no file " + path);
        }
        List<String> cells = path.toString().endsWith(".ipynb") ? notebookCodeCells(path)
                : List.of(Files.readString(path));
        for (String cell : cells) {
            if (!context.runCell(cell, false)) {
                throw new MagicException("%load: stopped at a failing cell of " + path.getFileName() + ".");
            }
        }
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
