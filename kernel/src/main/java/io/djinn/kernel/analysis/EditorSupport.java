package io.djinn.kernel.analysis;

/** What a notebook's editor asks while typing: completion, inspection, whether code is complete. */
public interface EditorSupport {

    CodeAnalysis.Completion complete(String code, int cursor);

    String inspect(String code, int cursor);

    CodeAnalysis.Completeness isComplete(String code);
}
