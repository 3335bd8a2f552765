package io.djinn.kernel.runtime;

import java.io.InputStream;
import java.io.OutputStream;

/** Where the runtime's multiplexed streams go on the kernel side. */
public record RuntimeIo(OutputStream stdout, OutputStream stderr, OutputStream display, InputStream stdin) {}
