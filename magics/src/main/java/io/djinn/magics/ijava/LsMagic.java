package io.djinn.magics.ijava;

import io.djinn.magics.LineMagic;
import io.djinn.magics.MagicContext;
import io.djinn.magics.MagicRegistry;
import picocli.CommandLine.Command;

@Command(name = "lsmagic", mixinStandardHelpOptions = true, description = "Lists the line and cell magics.")
public final class LsMagic implements LineMagic {

    private final MagicRegistry registry;

    public LsMagic(MagicRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(MagicContext context) {
        StringBuilder text = new StringBuilder("Line magics:\n");
        registry.lineMagics().forEach(m -> text.append(String.format("  %%%-14s %s%n", m.name(), m.summary())));
        text.append("Cell magics:\n");
        registry.cellMagics().forEach(m -> text.append(String.format("  %%%%%-13s %s%n", m.name(), m.summary())));
        text.append("Help on one: %name? or %name --help\n");
        context.print(text.toString());
    }
}
