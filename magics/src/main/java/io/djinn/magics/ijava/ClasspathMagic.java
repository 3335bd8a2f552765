package io.djinn.magics.ijava;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "classpath", mixinStandardHelpOptions = true,
        description = "Adds jars or class directories (paths or glob patterns) to the classpath.")
public final class ClasspathMagic implements LineMagic {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "a jar, a directory of classes, or a glob")
    List<String> paths;

    @Override
    public void run(MagicContext context) throws Exception {
        ClasspathEntries.add(context, paths, false);
    }
}
