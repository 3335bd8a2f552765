package io.djinn.magics.shell;

import io.djinn.magics.CodeMagic;
import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicArguments;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;

@Command(name = "env", mixinStandardHelpOptions = true,
        description = {"Lists, shows or sets environment variables, as IPython's %%env.",
            "%%env: every variable (values of names with TOKEN, SECRET, PASSWORD or KEY in them are hidden); "
                + "%%env NAME: one; %%env NAME=VALUE or %%env NAME VALUE: sets it.",
            "What is set goes to the commands of %%system, %%%%bash and %%%%sh, and to a runtime the kernel starts from "
                + "now on (when one dies and is replaced). The runtime running now keeps its environment: a running "
                + "JVM's cannot change, so System.getenv() there still sees the old value; System.setProperty is "
                + "the way to hand a running notebook a setting."})
public final class EnvMagic extends CodeMagic implements LineMagic {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final SessionEnvironment environment;

    public EnvMagic(SessionEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run(MagicContext context) throws Exception {
        String arguments = code.strip();
        if (arguments.isEmpty()) {
            list(context);
            return;
        }
        int equals = arguments.indexOf('=');
        List<String> words = MagicArguments.split(arguments);
        if (equals > 0 && NAME.matcher(arguments.substring(0, equals).strip()).matches()) {
            set(context, arguments.substring(0, equals).strip(), unquote(arguments.substring(equals + 1).strip()));
        } else if (words.size() == 1) {
            show(context, words.get(0));
        } else if (words.size() == 2) {
            set(context, words.get(0), words.get(1));
        } else {
            throw new MagicException("%env: give NAME, NAME=VALUE or NAME VALUE; got " + words.size() + " words");
        }
    }

    private void list(MagicContext context) {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> variable : environment.all().entrySet()) {
            String value = SessionEnvironment.looksSecret(variable.getKey()) ? "<hidden>" : variable.getValue();
            text.append(variable.getKey()).append('=').append(value).append('\n');
        }
        context.print(text.toString());
    }

    private void show(MagicContext context, String name) throws MagicException {
        checkName(name);
        String value = environment.get(name);
        if (value == null) {
            throw new MagicException("%env: " + name + " is not set");
        }
        context.print(value + "\n");
    }

    private void set(MagicContext context, String name, String value) throws MagicException {
        checkName(name);
        environment.set(name, value);
        context.print("env: " + name + "=" + value + "\n");
        context.print("(for %system, %%bash, %%sh and a runtime started from now on; System.getenv() in the running "
                + "runtime keeps its old value)\n");
    }

    private static void checkName(String name) throws MagicException {
        if (!NAME.matcher(name).matches()) {
            throw new MagicException("%env: '" + name + "' is not a variable name (letters, digits and _, "
                    + "not starting with a digit)");
        }
    }

    /** VALUE as written, without the quotes around it if it has them. */
    private static String unquote(String value) throws MagicException {
        if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))) {
            List<String> words = MagicArguments.split(value);
            if (words.size() == 1) {
                return words.get(0);
            }
        }
        return value;
    }
}
