package io.djinn.runtime.agent;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Starts each of Tablesaw's {@code Plot.show(Figure, ...)} methods with a call to {@link InlinePlots#show},
 * so that the chart draws in the cell whichever {@code Plot} a notebook imports (Tablesaw's docs import
 * {@code tech.tablesaw.plotly.Plot}, whose own code opens a browser). The inserted code is:
 * <pre>
 *   if (InlinePlots.show(figure)) return;
 * </pre>
 */
final class InlinePlotTransformer extends MethodEntryTransformer {

    static final String TARGET = "tech/tablesaw/plotly/Plot";
    private static final String FIGURE = "Ltech/tablesaw/plotly/components/Figure;";
    private static final String HOOK = Type.getInternalName(InlinePlots.class);

    InlinePlotTransformer() {
        // Without it, Plot.show(figure) fails as it does in any headless JVM; display(figure) still draws.
        super(TARGET, "inline Plot.show");
    }

    @Override
    boolean rewrites(String name, String descriptor) {
        return name.equals("show") && descriptor.startsWith("(" + FIGURE) && descriptor.endsWith(")V");
    }

    @Override
    void insert(MethodVisitor method, String descriptor) {
        method.visitVarInsn(Opcodes.ALOAD, 0);
        method.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "show", "(" + FIGURE + ")Z", false);
        returnIfHookDidIt(method);
    }
}
