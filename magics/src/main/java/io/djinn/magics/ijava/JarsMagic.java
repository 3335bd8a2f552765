package io.djinn.magics.ijava;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "jars", mixinStandardHelpOptions = true, description = "Adds jars (paths or glob patterns) to the classpath.")
public final class JarsMagic implements LineMagic {

    @Parameters(arity = "1..*", paramLabel = "JAR", description = "a jar file or a glob such as lib/*.jar")
    List<String> jars;

    @Override
    public void run(MagicContext context) throws Exception {
        ClasspathEntries.add(context, jars, true);
    }
}
