package io.djinn.kernel.execution;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Why an error is the engine's: code written for DJL's MXNet engine (the Java edition of Dive into Deep
 * Learning, DJL's older demos) fails in known ways on the PyTorch engine that Djinn runs. The line this
 * gives goes under the error, so the cause is visible rather than looking like a bug in the notebook or
 * in Djinn. Each rule was met running such notebooks.
 */
final class EngineDifferences {

    private record Rule(Predicate<Error> matches, String explanation) {}

    /** What the error was: the exception's class name, its message, and where it was thrown. */
    record Error(String exceptionClass, String message, StackTraceElement thrownAt) {

        boolean is(String simpleName) {
            return exceptionClass.endsWith("." + simpleName);
        }

        boolean says(String text) {
            return message != null && message.contains(text);
        }

        boolean thrownInDjl() {
            return thrownAt != null && thrownAt.getClassName().startsWith("ai.djl.");
        }
    }

    private static final String MXNET = " (DJL's MXNet engine allows it, so code written for MXNet stops here).";

    private static final List<Rule> RULES = List.of(
            new Rule(e -> e.is("UnsupportedOperationException") && e.says("Dot product is only applied on two 1D vectors"),
                    "DJL's PyTorch engine takes dot() of 1-D and 2-D arrays only; use matMul()" + MXNET),
            new Rule(e -> e.is("EngineException") && e.says("a leaf Variable that requires grad is being used in an in-place operation"),
                    "PyTorch does not change in place an array that records gradients (after setRequiresGradient or "
                    + "attachGradient); update its data without recording: param.stopGradient().subi(...)" + MXNET),
            new Rule(e -> e.is("EngineException") && e.says("The expanded size of the tensor")
                    && e.thrownAt() != null && e.thrownAt().getMethodName().startsWith("torchIndex"),
                    "PyTorch's NDArray.set() takes a value of the part's shape, or one that broadcasts to it; reshape"
                    + " the value first" + MXNET),
            new Rule(e -> e.is("EngineException") && e.says("pad should be at most half of effective kernel size"),
                    "PyTorch pools with padding of at most half the kernel" + MXNET),
            new Rule(e -> e.is("EngineException") && e.says("from the 'CUDA' backend"),
                    "The code asked for a GPU, and the libtorch loaded is the CPU build (%device says why)."),
            new Rule(e -> e.is("UnsupportedOperationException") && e.thrownInDjl(),
                    null)); // the operator itself: see explain()

    private EngineDifferences() {}

    static Optional<String> explain(Error error) {
        for (Rule rule : RULES) {
            if (rule.matches().test(error)) {
                return Optional.of(rule.explanation() != null ? rule.explanation() : missingOperator(error.thrownAt()));
            }
        }
        return Optional.empty();
    }

    private static String missingOperator(StackTraceElement at) {
        String owner = at.getClassName().substring(at.getClassName().lastIndexOf('.') + 1);
        return "DJL's PyTorch engine, which Djinn runs, has no " + owner + "." + at.getMethodName()
                + "() (DJL's MXNet engine has it, so code written for MXNet stops here).";
    }
}
