package io.djinn.magics.shell;

import io.djinn.magics.MagicRegistry;

/** Registers the magics that reach outside Java: shell commands and scripts, environment, files, directory. */
public final class ShellMagics {

    private ShellMagics() {}

    /** @param environment what %env sets, which shell magics and new runtimes get */
    public static void registerAll(MagicRegistry registry, SessionEnvironment environment) {
        registry.register(() -> new SystemMagic(environment))
                .register(() -> new BashMagic(environment))
                .register(() -> new ShMagic(environment))
                .register(() -> new EnvMagic(environment))
                .register(WriteFileMagic::new)
                .register(PwdMagic::new);
    }
}
