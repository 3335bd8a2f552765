// Djinn's default imports, run in every new runtime before the user's startup scripts. The kernel keeps
// them out of the user's way (KernelDefinitions): a user's own import or type of the same simple name
// wins, with a note, and the variables here are restored if a user's declaration resets them.
// IJava's defaults (java.io, math, net, util, util.concurrent, util.prefs, util.regex) are all here.
import java.io.*;
import java.math.*;
import java.net.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.function.*;
import java.util.prefs.*;
import java.util.regex.*;
import java.util.stream.*;
import ai.djl.*;
import ai.djl.engine.*;
import ai.djl.inference.*;
import ai.djl.metric.*;
import ai.djl.ndarray.*;
import ai.djl.ndarray.index.*;
import ai.djl.ndarray.types.*;
import ai.djl.nn.*;
import ai.djl.nn.core.*;
import ai.djl.nn.convolutional.*;
import ai.djl.nn.norm.*;
import ai.djl.nn.pooling.*;
import ai.djl.nn.recurrent.*;
import ai.djl.training.*;
import ai.djl.training.dataset.*;
import ai.djl.training.evaluator.*;
import ai.djl.training.initializer.*;
import ai.djl.training.listener.*;
import ai.djl.training.loss.*;
import ai.djl.training.optimizer.*;
import ai.djl.training.tracker.*;
import ai.djl.translate.*;
import tech.tablesaw.api.*;
import tech.tablesaw.plotly.api.*;
import tech.tablesaw.plotly.components.*;
import tech.tablesaw.plotly.traces.*;
// What these names mean in a deep-learning notebook, whatever a later on-demand import brings
// (java.awt.* has a List and a Shape too).
import java.util.List;
import ai.djl.ndarray.types.Shape;
// Tablesaw's Plot, as its docs import it: the runtime agent makes Plot.show(figure) draw inline.
import tech.tablesaw.plotly.Plot;
import io.djinn.api.MimeBundle;
import io.djinn.api.LiveTraining;
import io.djinn.api.Devices;
import static io.djinn.api.Display.display;
import static io.djinn.api.Display.render;
import static io.djinn.api.Display.updateDisplay;
import static io.djinn.api.Display.clearOutput;
import static io.djinn.api.Progress.progress;
// The notebook's NDManager: it follows %device, and loads nothing until first used. Fully qualified, so
// that no import or type a user declares changes what it means.
ai.djl.ndarray.NDManager manager = io.djinn.api.Devices.manager();
